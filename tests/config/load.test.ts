import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config/defaults.js';
import { loadConfig, resolveConfig } from '../../src/config/load.js';
import { project } from '../helpers/project.js';

describe('loadConfig', () => {
  it('uses the defaults without a config file', async () => {
    const { config } = await loadConfig({ cwd: project() });
    expect(config!.audiences.map((a) => [a.name, a.fontSize, a.readingGrade, a.glossary])).toEqual([
      ['patient', 13, 8, 'inline'],
      ['student', 11, 12, 'list'],
      ['clinician', 11, undefined, 'list'],
    ]);
    expect(config!.handout.pageSize).toBe('LETTER');
  });
  it('replaces the audience set and merges other sections', async () => {
    const cwd = project(undefined, {
      'deckhand.config.yaml': 'audiences:\n  lay: {label: Lay readers}\nslides: {theme: gaia}\n',
    });
    const { config } = await loadConfig({ cwd });
    expect(config!.audiences.map((a) => a.name)).toEqual(['lay']);
    expect(config!.slides).toEqual({
      theme: 'gaia',
      size: '16:9',
      paginate: true,
      accent: null,
      body: 'auto',
      pdfEngine: 'auto',
    });
  });
  it('reports config errors with positions and suggestions', async () => {
    const cwd = project(undefined, { 'deckhand.config.yaml': 'slides:\n  thme: gaia\nhandout: {pageSize: A5}\n' });
    const { config, diagnostics } = await loadConfig({ cwd });
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([
      ['DH_UNKNOWN_KEY', 2, 3],
      ['DH_CONFIG', 3, 21],
    ]);
    expect(diagnostics[0]!.message).toContain('did you mean "theme"');
    expect(diagnostics[1]!.message).toContain('"LETTER", "A4"');
  });
  it('an explicit config that does not exist is an error', async () => {
    const { diagnostics } = await loadConfig({ cwd: project(), config: 'nope.yaml' });
    expect(diagnostics[0]!.code).toBe('DH_CONFIG');
  });
});

describe('resolveConfig: every audience setting resolved once', () => {
  it('an audience’s own theme is its deck theme; the others get the config’s', () => {
    const config = resolveConfig(
      { slides: { theme: 'uncover', size: '4:3' }, audiences: { lay: { theme: 'gaia' }, expert: {} } },
      '/p',
    );
    const [lay, expert] = config.audiences;
    expect(lay).toMatchObject({ theme: 'gaia', slides: { theme: 'gaia', size: '4:3', paginate: true } });
    expect(expert!.slides).toEqual({
      theme: 'uncover',
      size: '4:3',
      paginate: true,
      accent: null,
      body: 'auto',
      pdfEngine: 'auto',
    });
    expect(expert).not.toHaveProperty('theme');
    expect(config.slides.theme).toBe('uncover');
    expect(resolveConfig({}, '/p').audiences.map((a) => a.slides.theme)).toEqual(['deckhand', 'deckhand', 'deckhand']);
  });

  it('an accent colour, for the deck and per audience, resolves to #rrggbb', () => {
    const config = resolveConfig(
      { slides: { accent: '#A50' }, audiences: { lay: { accent: '#123456' }, expert: {} } },
      '/p',
    );
    expect(config.audiences.map((a) => a.slides.accent)).toEqual(['#123456', '#aa5500']);
    expect(resolveConfig({}, '/p').audiences[0]!.slides.accent).toBeNull();
  });

  it('what an audience does not set comes from DEFAULTS; its label is its name, capitalised', () => {
    const [lay] = resolveConfig({ audiences: { lay: null } }, '/p').audiences;
    expect(lay).toEqual({
      name: 'lay',
      label: 'Lay',
      labels: null,
      footer: null,
      hyphenate: true,
      fontSize: DEFAULTS.audience.fontSize,
      glossary: DEFAULTS.audience.glossary,
      slides: DEFAULTS.slides,
      // The disclaimer speaks to patients: an audience without a reading target gets no footer by default.
      handout: { ...DEFAULTS.handout, footers: null, footer: '' },
      formats: ['slides', 'handout'],
    });
  });

  it('printout settings and per-audience formats; wrong values are positioned errors', async () => {
    const config = resolveConfig(
      { slidesHandout: { layout: 6 }, audiences: { clinician: { formats: ['notes'] }, other: {} } },
      '/p',
    );
    expect(config.slidesHandout).toEqual({ layout: 6, order: 'horizontal', lines: true, miniatures: 'drawn' });
    expect(config.notes).toEqual({ miniatures: 'drawn', lines: true });
    expect(config.audiences.map((a) => a.formats)).toEqual([['notes'], ['slides', 'handout']]);
    const cwd = project(undefined, {
      'deckhand.config.yaml':
        'audiences:\n  clinician: {formats: [slides, note]}\nslidesHandout: {layout: 5, order: diagonal}\nnotes: ' +
        '{miniatures: fuzzy}\nslides: {pdfEngine: wkhtml}\n',
    });
    const { diagnostics } = await loadConfig({ cwd });
    const at = diagnostics.map((d) => [d.code, d.line, d.col]).sort((a, b) => +a[1]! - +b[1]! || +a[2]! - +b[2]!);
    expect(at).toEqual([
      ['DH_CONFIG', 2, 33],
      ['DH_CONFIG', 3, 25],
      ['DH_CONFIG', 3, 35],
      ['DH_CONFIG', 4, 21],
      ['DH_CONFIG', 5, 21],
    ]);
    expect(diagnostics.find((d) => d.line === 2)!.message).toContain('"notes"');
  });

  it('a "patient" audience gets inline glossary definitions in any config, unless it says otherwise', () => {
    const list = resolveConfig(
      { audiences: { patient: { label: 'P' }, other: {}, own: { glossary: 'none' } } },
      '/p',
    ).audiences.map((a) => [a.name, a.glossary]);
    expect(list).toEqual([
      ['patient', 'inline'],
      ['other', 'list'],
      ['own', 'none'],
    ]);
    expect(resolveConfig({ audiences: { patient: { glossary: 'list' } } }, '/p').audiences[0]!.glossary).toBe('list');
  });

  it('every audience gets the config’s handout settings over the defaults', () => {
    const config = resolveConfig({ handout: { pageSize: 'A4' } }, '/p');
    expect(config.handout).toEqual({ pageSize: 'A4', footer: DEFAULTS.handout.footer, footers: null });
    // The default disclaimer only for audiences with a readingGrade (patient, student), not clinicians.
    expect(config.audiences.map((a) => [a.name, a.handout])).toEqual([
      ['patient', config.handout],
      ['student', config.handout],
      ['clinician', { ...config.handout, footer: '' }],
    ]);
  });

  it('a footer set in the config goes to every audience; an audience footer wins; brand merges per audience', () => {
    const config = resolveConfig(
      {
        handout: { footer: 'Riverside Clinic' },
        brand: { name: 'Riverside', logo: 'brand/logo.png', phone: '555-0142' },
        audiences: { patient: { readingGrade: 6, footer: 'Ask us anything', brand: { phone: '555-0199' } }, staff: {} },
      },
      '/p',
    );
    expect(config.audiences.map((a) => a.handout.footer)).toEqual(['Ask us anything', 'Riverside Clinic']);
    expect(config.audiences[0]!.brand).toEqual({ name: 'Riverside', logo: '/p/brand/logo.png', phone: '555-0199' });
    expect(config.audiences[1]!.brand).toEqual({ name: 'Riverside', logo: '/p/brand/logo.png', phone: '555-0142' });
  });

  it('paths are made absolute against the root; absolute ones stay; the file is recorded when given', () => {
    const config = resolveConfig({ content: 'topics', output: '/abs/out' }, '/p', '/p/deckhand.config.yaml');
    expect([config.content, config.output, config.templates]).toEqual(['/p/topics', '/abs/out', '/p/templates']);
    expect(config.file).toBe('/p/deckhand.config.yaml');
    expect(resolveConfig({}, '/p')).not.toHaveProperty('file');
    expect(resolveConfig({}, '/p')).toMatchObject({ lang: 'en', lint: { readability: 'warning' }, themes: [] });
  });
});

describe('loadConfig: a config with problems still checks the topics', () => {
  it('an empty config file is every default', async () => {
    const cwd = project(undefined, { 'deckhand.config.yaml': '# nothing yet\n' });
    const { config, diagnostics } = await loadConfig({ cwd });
    expect(diagnostics).toEqual([]);
    expect(config!.audiences.map((a) => a.name)).toEqual(['patient', 'student', 'clinician']);
  });

  it('its valid settings over the defaults; audiences known only when they are valid', async () => {
    const cwd = project(undefined, {
      'deckhand.config.yaml': 'content: topics\nslides: {size: 5:4}\naudiences:\n  lay: {fontSize: 99}\n',
    });
    const { config, diagnostics, fallback } = await loadConfig({ cwd });
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line]).sort()).toEqual([
      ['DH_CONFIG', 2],
      ['DH_CONFIG', 4],
    ]);
    expect(fallback!.audiences).toBe(false);
    expect(fallback!.config.content).toBe(join(cwd, 'topics'));
    expect(fallback!.config.audiences.map((a) => a.name)).toEqual(['patient', 'student', 'clinician']);
    expect(fallback!.config.slides.size).toBe('16:9');
  });

  it('no fallback when the content folder itself is wrong', async () => {
    const cwd = project(undefined, { 'deckhand.config.yaml': 'content: 7\n' });
    const loaded = await loadConfig({ cwd });
    expect(loaded.diagnostics[0]).toMatchObject({ code: 'DH_CONFIG', line: 1 });
    expect(loaded.fallback).toBeUndefined();
  });

  it('an empty audiences map is an error; the rest still serves', async () => {
    const cwd = project(undefined, { 'deckhand.config.yaml': 'lang: de\naudiences: {}\n' });
    const { diagnostics, fallback } = await loadConfig({ cwd });
    expect(diagnostics.map((d) => [d.code, d.message, d.line])).toEqual([['DH_CONFIG', '"audiences" is empty', 2]]);
    expect(fallback).toMatchObject({ audiences: false, config: { lang: 'de' } });
  });

  it('a config that is not a map', async () => {
    const cwd = project(undefined, { 'deckhand.config.yaml': '- a\n- b\n' });
    const { diagnostics } = await loadConfig({ cwd });
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['DH_CONFIG', 'the config must be a map of settings'],
    ]);
  });
});
