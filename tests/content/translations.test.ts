import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';
import { shownTexts, structElements } from '../helpers/pdf.js';

// Translations beside their source (content/<slug>.<lang>.yaml): merged by section id and position,
// built into <out>/<slug>/<audience>/<name>.<lang>.<ext>, never mixing languages silently.
const pdftotext = (pdf: string) => spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
const ES = 'content/fever.es-US.yaml';
const edit = (dir: string, rel: string, fn: (s: string) => string) =>
  writeFileSync(join(dir, rel), fn(readFileSync(join(dir, rel), 'utf8')));

describe('a complete translation', () => {
  let dir: string;
  beforeAll(async () => {
    dir = project('translations');
    const r = await runDeckhand(['build', '-f', 'handout,slides'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    expect(r.code, r.stderr).toBe(0);
  });

  it('every format gets the language before the extension, beside the source outputs', () => {
    for (const a of ['patient', 'clinician'])
      for (const f of ['handout.pdf', 'handout.es-US.pdf', 'slides.md', 'slides.es-US.md', 'slides.es-US.html'])
        expect(existsSync(join(dir, 'output/fever', a, f)), `${a}/${f}`).toBe(true);
  });

  it('the manifest records the language of every artifact', () => {
    const m = JSON.parse(readFileSync(join(dir, 'output/manifest.json'), 'utf8')) as {
      artifacts: { path: string; lang: string }[];
    };
    for (const a of m.artifacts) expect(a.lang, a.path).toBe(a.path.includes('.es-US.') ? 'es-US' : 'en-US');
  });

  it(
    'every other format records its language too (notes, slides-handout, slides.pdf, pptx), also ' + 'when cached',
    async () => {
      const all = ['handout', 'slides', 'notes', 'slides-handout', 'slides-pdf', 'pptx'];
      const env = { SOURCE_DATE_EPOCH: '1700000000' };
      const check = () => {
        const m = JSON.parse(readFileSync(join(dir, 'output/manifest.json'), 'utf8')) as {
          artifacts: { path: string; format: string; lang?: string }[];
        };
        expect(new Set(m.artifacts.map((a) => a.format))).toEqual(new Set(all));
        expect(m.artifacts.length).toBe(2 * 2 * (all.length + 1)); // 2 audiences × 2 languages; slides is md + html
        for (const a of m.artifacts) expect(a.lang, a.path).toBe(a.path.includes('.es-US.') ? 'es-US' : 'en-US');
      };
      const r = await runDeckhand(['build', '-f', all.join(',')], dir, env);
      expect(r.code, r.stderr).toBe(0);
      check();
      // A second build renders nothing: every entry comes from the cache, language included.
      const again = await runDeckhand(['build', '-f', all.join(',')], dir, env);
      expect(again.code, again.stderr).toBe(0);
      check();
      // A cache from before artifacts carried a language: the manifest still gets it.
      edit(dir, 'output/.deckhand/cache.json', (t) => {
        const cache = JSON.parse(t) as { entries: { lang?: string }[] };
        for (const e of cache.entries) delete e.lang;
        return JSON.stringify(cache);
      });
      const old = await runDeckhand(['build', '-f', all.join(',')], dir, env);
      expect(old.code, old.stderr).toBe(0);
      expect(old.stdout + old.stderr).not.toMatch(/written/);
      check();
    },
    180_000,
  );

  it('the Spanish handout is Spanish throughout; audience filters come from the source', () => {
    const text = pdftotext(join(dir, 'output/fever/patient/handout.es-US.pdf'));
    expect(text).toContain('La fiebre en adultos');
    expect(text).toContain('Tómese la temperatura con un termómetro.');
    expect(text).not.toContain('Mida la temperatura central'); // a clinician-only point
    expect(text).not.toMatch(/fever|Words to know|Page 1/);
    expect(pdftotext(join(dir, 'output/fever/clinician/handout.es-US.pdf'))).toContain('Mida la temperatura central');
    const info = spawnSync('pdfinfo', [join(dir, 'output/fever/patient/handout.es-US.pdf')], { encoding: 'utf8' });
    expect(info.stdout).toMatch(/Title:\s+La fiebre en adultos/);
  });

  it('-l picks languages (the source tag included); `es` picks es-US', async () => {
    const d = project('translations');
    let r = await runDeckhand(['build', '-f', 'slides', '-l', 'es'], d);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(d, 'output/fever/patient/slides.es-US.md'))).toBe(true);
    expect(existsSync(join(d, 'output/fever/patient/slides.md'))).toBe(false);
    r = await runDeckhand(['build', '-f', 'slides', '--lang', 'en-US'], d);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(d, 'output/fever/patient/slides.md'))).toBe(true);
  });

  it(
    'the translation file changing rebuilds only its language; deleting it and --clean removes ' + 'its outputs',
    async () => {
      const d = project('translations');
      expect((await runDeckhand(['build', '-f', 'slides'], d)).code).toBe(0);
      edit(d, ES, (s) => s.replace('Qué es la fiebre', 'Qué es una fiebre'));
      let r = await runDeckhand(['build', '-f', 'slides', '-q'], d);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(d, 'output/fever/patient/slides.es-US.md'), 'utf8')).toContain('Qué es una fiebre');
      writeFileSync(join(d, ES), '');
      spawnSync('rm', [join(d, ES)]);
      r = await runDeckhand(['build', '-f', 'slides', '--clean'], d);
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(d, 'output/fever/patient/slides.es-US.md'))).toBe(false);
      expect(existsSync(join(d, 'output/fever/patient/slides.md'))).toBe(true);
    },
  );
});

describe('translation problems, positioned in the translation file', () => {
  it('a missing section is DH_TRANSLATION_MISSING naming the source element; nothing is written', async () => {
    const d = project('translations');
    edit(d, ES, (s) => s.replace(/  - id: when-to-call[\s\S]*?(?=glossary:)/, ''));
    const r = await runDeckhand(['build', '-f', 'slides'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        String.raw`content\/fever\.es-US\.yaml:\d+:\d+ {2}error {2}section "when-to-call" \(` +
          String.raw`fever\.yaml:12\) has no es-US translation {2}\[DH_TRANSLATION_MISSING\]`,
      ),
    );
    expect(existsSync(join(d, 'output'))).toBe(false);
  });

  it('a missing field, an unknown id, a different number of points, a wrong lang: all reported at once', async () => {
    const d = project('translations');
    edit(d, ES, (s) =>
      s
        .replace('    body: Llame si la fiebre dura más de tres días.\n', '')
        .replace('id: what-it-is', 'id: what-it-iz')
        .replace('title: La fiebre en adultos', 'title: La fiebre en adultos\nlang: es-MX'),
    );
    edit(d, 'content/fever.yaml', (s) =>
      s.replace('  - id: when-to-call', '  - id: when-to-call\n    points: [One, Two]'),
    );
    const r = await runDeckhand(['build', '-f', 'slides'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no section "what-it-iz" in the source — did you mean "what-it-is"?');
    expect(r.stderr).toContain('the body of section "when-to-call"');
    expect(r.stderr).toContain('"lang: es-MX" does not match the file name\'s language "es-US"');
    expect(r.stderr).toMatch(/point 1 of section "when-to-call" \(fever\.yaml:\d+\) has no es-US translation/);
    edit(d, ES, (s) =>
      s
        .replace('what-it-iz', 'what-it-is')
        .replace('lang: es-MX\n', '')
        .replace(
          '    title: Cuándo llamar a su médico\n',
          '    title: Cuándo llamar a su médico\n    body: Llame.\n    points: [Uno]\n',
        ),
    );
    const r2 = await runDeckhand(['build', '-f', 'slides'], d);
    expect(r2.stderr).toContain('the translation has 1 points in section "when-to-call"; the source has 2');
  });

  it('a translation whose source does not exist is an error', async () => {
    const d = project('translations', { 'content/flu.es-US.yaml': 'title: Gripe\nsections: []\n' });
    const r = await runDeckhand(['build', '-f', 'slides'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"flu.es-US.yaml" is a translation of "flu", but there is no flu.yaml beside it');
  });

  it('translations: {fallback: source}: the source text, marked "(en inglés)", and the build succeeds', async () => {
    const d = project('translations');
    edit(d, 'deckhand.config.yaml', (s) => s + 'translations: {fallback: source}\n');
    edit(d, ES, (s) => s.replace(/  - id: when-to-call[\s\S]*?(?=glossary:)/, ''));
    const r = await runDeckhand(['build', '-f', 'handout', '-a', 'patient'], d);
    expect(r.code, r.stderr).toBe(0);
    const text = pdftotext(join(d, 'output/fever/patient/handout.es-US.pdf'));
    expect(text).toContain('When to call your doctor (en inglés)');
    expect(text).toContain('Call if the fever lasts more than three days. (en inglés)');
  });

  it('fallback text is tagged with the source language: a Span with /Lang in the PDF, lang= in the HTML', async () => {
    const d = project('translations');
    edit(d, 'deckhand.config.yaml', (s) => s + 'translations: {fallback: source}\n');
    edit(d, ES, (s) => s.replace(/  - id: when-to-call[\s\S]*?(?=glossary:)/, ''));
    const r = await runDeckhand(['build', '-f', 'handout,slides,pptx', '-a', 'patient'], d);
    expect(r.code, r.stderr).toBe(0);
    const pdf = join(d, 'output/fever/patient/handout.es-US.pdf');
    const spans = structElements(pdf).filter((e) => e.type === 'Span');
    expect(spans.length).toBeGreaterThanOrEqual(2); // the heading and the body
    for (const s of spans) expect(s.lang).toBe('en-US');
    // What the spans hold is the English text, and only it: the mark "(en inglés)" is Spanish.
    const english = shownTexts(pdf)
      .filter((t) => t.tags.includes('Span'))
      .map((t) => t.text)
      .join(' ');
    expect(english).toContain('When to call your doctor');
    expect(english).toContain('Call if the fever lasts more than three days.');
    expect(english).not.toMatch(/inglés|fiebre/);
    // The Spanish text around is not in a span.
    expect(shownTexts(pdf).some((t) => t.text.includes('Qué es la fiebre') && !t.tags.includes('Span'))).toBe(true);

    const html = readFileSync(join(d, 'output/fever/patient/slides.es-US.html'), 'utf8');
    expect(html).toContain('<span lang="en-US">When to call your doctor</span> (en inglés)');
    expect(html).toContain('<span lang="en-US">Call if the fever lasts more than three days.</span> (en inglés)');
    // Plain-text places carry no markup and no private marks.
    const md = readFileSync(join(d, 'output/fever/patient/slides.es-US.md'), 'utf8');
    expect(md).not.toMatch(/[\uE000-\uE002]/);
    expect(pdftotext(pdf)).not.toMatch(/<span|[\uE000-\uE002]/);
    expect(existsSync(join(d, 'output/fever/patient/slides.es-US.pptx'))).toBe(true);
  });
});
