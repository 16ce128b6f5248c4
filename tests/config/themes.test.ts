import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';
import { deckhandThemeCss } from '../../src/themes/deckhand-css.js';

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('slide themes', () => {
  it('a custom CSS theme from the config, overridden per audience by a built-in', async () => {
    const dir = project('slides-themes');
    const r = await runDeckhand(['build', '-f', 'slides'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'output/t/patient/slides.md')).toContain('theme: "clinic"');
    const patient = read(dir, 'output/t/patient/slides.html');
    expect(patient).toContain('data-theme="clinic"');
    expect(patient).toMatch(/background:rgb\(1, ?2, ?3\)/);
    expect(read(dir, 'output/t/student/slides.md')).toContain('theme: "gaia"');
    const student = read(dir, 'output/t/student/slides.html');
    expect(student).toContain('data-theme="gaia"');
    expect(student).not.toMatch(/rgb\(1, ?2, ?3\)/);
    // Offline: gaia's web-font import is taken out.
    expect(student).not.toMatch(/@import|https?:\/\/fonts/);
  });

  it.each([
    [
      'a missing file',
      { 'deckhand.config.yaml': 'slides: {theme: ./themes/nope.css}\n' },
      'deckhand.config.yaml:1:17  error  theme file "themes/nope.css" not found  [DH_CONFIG]',
    ],
    [
      'a file without @theme',
      { 'deckhand.config.yaml': 'slides:\n  theme: themes/plain.css\n', 'themes/plain.css': 'section { color: red; }' },
      'deckhand.config.yaml:2:10  error  theme file "themes/plain.css" has no /* @theme name */ comment  [DH_CONFIG]',
    ],
    [
      'an unknown name',
      { 'deckhand.config.yaml': 'audiences:\n  patient: {theme: gaya}\n' },
      'deckhand.config.yaml:2:20  error  unknown theme "gaya" — did you mean "gaia"?  [DH_CONFIG]',
    ],
    [
      'a built-in name in a file',
      { 'deckhand.config.yaml': 'slides: {theme: ./x.css}\n', 'x.css': '/* @theme default */' },
      'declares @theme default, the name of a built-in theme',
    ],
  ])('%s is a positioned config error with a hint; nothing is written', async (_, files, message) => {
    const dir = project('slides-themes', files);
    const r = await runDeckhand(['build', '-f', 'slides'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/\n\s+hint: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'output'))).toBe(false);
  });

  it('a template that names an unknown theme fails the deck instead of falling back to default', async () => {
    const template = '---\nmarp: true\ntheme: nope\n---\n\n# {{md title}}\n';
    const dir = project('slides-themes', { 'templates/slides.md.hbs': template });
    const r = await runDeckhand(['build', '-f', 'slides', '-a', 'patient'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/slides\.html for t\/patient: unknown theme "nope"  \[DH_RENDER\]/);
    expect(existsSync(join(dir, 'output/t/patient/slides.md'))).toBe(true);
  });
});

describe('the generated slides.md', () => {
  it('renders with plain marp-core without errors, slide for slide, notes as presenter notes', async () => {
    const dir = project('slides');
    expect((await runDeckhand(['build', '-f', 'slides'], dir)).code).toBe(0);
    const manifest = JSON.parse(read(dir, 'output/manifest.json'));
    for (const audience of ['patient', 'student', 'clinician']) {
      const md = read(dir, `output/deck/${audience}/slides.md`);
      const errors: unknown[] = [];
      const marp = new Marp({ script: false });
      // The deckhand theme is one CSS file (exported for other Marp tools): with it, plain Marp knows the deck's theme.
      marp.themeSet.add(deckhandThemeCss('deckhand'));
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void errors.push(args);
      const { html, comments } = marp.render(md, { htmlAsArray: true });
      console.warn = warn;
      expect(errors).toEqual([]);
      const pages = manifest.artifacts.find((a: { path: string }) => a.path === `deck/${audience}/slides.html`).pages;
      expect(html).toHaveLength(pages);
      expect(comments.flat().map((c) => c.replace(/\u200B/g, ''))).toEqual(
        expect.arrayContaining([
          'NOTE-INTRO Ask who has had a wound that got infected.',
          'NOTE-LONG Go through each sign slowly.',
        ]),
      );
      expect(html.join('')).toContain('data-theme="deckhand"');
    }
  });
});
