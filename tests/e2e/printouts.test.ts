import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.js';
import { sha256 } from '../helpers/files.js';
import { pdfText, qpdfCheck, structElements } from '../helpers/pdf.js';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

// The lecture printouts on real files: notes.pdf (slide on top, its notes below, continuation pages, ruled lines)
// and slides-handout.pdf (PowerPoint's layouts), drawn without a browser; slides.pdf drawn the same way.

const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const page = (pdf: string, n: number) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
const objects = (pdf: string) =>
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-']).toString('latin1');
const NOTE_TOKENS = ['NOTE-ONE-START', 'NOTE-ONE-LIST', 'LONGNOTE', 'LAST-NOTE'];

describe('printouts of the fixture lecture (per-audience formats, no -f)', async () => {
  const dir = project('printouts');
  const r = await runDeckhand(['build'], dir, EPOCH);
  const notes = join(dir, 'output/lecture/clinician/notes.pdf');
  const handout = join(dir, 'output/lecture/student/slides-handout.pdf');

  it('each audience gets its own formats: students slides-handout.pdf, clinicians notes.pdf', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'output/lecture/student'))).toEqual(['slides-handout.pdf']);
    expect(readdirSync(join(dir, 'output/lecture/clinician'))).toEqual(['notes.pdf']);
  });

  it('notes.pdf: one slide a page with its notes on the same page; long notes continue, never cut', () => {
    // 6 slides; slide 4's notes take two continuation pages.
    expect(pages(notes)).toBe(8);
    const p2 = page(notes, 2);
    expect(p2).toContain('Slide 2: First principles');
    expect(p2).toContain('FIRST-POINT-ALPHA');
    expect(p2).toContain('NOTE-ONE-START');
    expect(p2).toContain('NOTE-ONE-LIST item one'); // the notes' Markdown list is a list
    const p3 = page(notes, 3);
    expect(p3).toContain('NO-NOTES-POINT');
    expect(NOTE_TOKENS.some((t) => p3.includes(t))).toBe(false);
    for (const n of [5, 6]) {
      expect(page(notes, n)).toContain('Slide 4 — notes (continued)');
      expect(page(notes, n)).toContain('Long notes slide');
    }
    const all = [4, 5, 6].map((n) => page(notes, n)).join('\n');
    for (let i = 1; i <= 69; i++) expect(all).toContain(`LONGNOTE-${String(i).padStart(2, '0')} `);
    expect(page(notes, 6)).toContain('LONGNOTE-END');
    expect(page(notes, 7)).toContain('LAST-NOTE');
    // Furniture in the notes master's places: header, date, footer, page number.
    expect(p2).toMatch(/Printout lecture[\s\S]*January 1, 2026/);
    expect(p2).toContain('Page 2 of 8');
    expect(p2).toContain('Clinicians · Speaker notes');
  });

  it('notes.pdf: valid, tagged, each miniature a Figure with the slide title and points; links clickable', () => {
    expect(qpdfCheck(notes)).toBe(0);
    expect(execFileSync('pdfinfo', [notes], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    const figures = structElements(notes).filter((e) => e.type === 'Figure');
    expect(figures.length).toBe(6);
    const second = figures.find((f) => f.alt?.startsWith('Slide 2: First principles'));
    expect(second?.alt).toContain('FIRST-POINT-ALPHA wash before you eat');
    const obj = objects(notes);
    expect(obj).toContain('/URI (https://example.org/guideline)'); // in the miniature
    expect(obj).toContain('/URI (https://example.org/notes-link)'); // in the notes
    expect(execFileSync('pdffonts', [notes], { encoding: 'utf8' })).not.toMatch(/\bno\s+(yes|no)\s+(yes|no)\s+\d+ 0$/m);
  });

  it('slides-handout.pdf: layout 3 by default, never any speaker notes, valid and tagged', () => {
    expect(pages(handout)).toBe(2);
    const text = pdfText(handout);
    expect(text).toContain('FIRST-POINT-ALPHA');
    expect(text).toContain('Slide 3');
    for (const t of NOTE_TOKENS) expect(text).not.toContain(t);
    expect(objects(handout)).not.toContain('NOTE-ONE');
    expect(qpdfCheck(handout)).toBe(0);
    expect(structElements(handout).filter((e) => e.type === 'Figure').length).toBe(6);
    expect(r.stderr).toMatch(
      /slides-handout\.pdf: layout 3 prints the slides' body text at \d\.\d pt, below 10 pt.*DH_SMALL_PRINT/,
    );
  });

  it('is byte-reproducible with SOURCE_DATE_EPOCH', async () => {
    const again = project('printouts');
    expect((await runDeckhand(['build'], again, EPOCH)).code).toBe(0);
    for (const f of ['clinician/notes.pdf', 'student/slides-handout.pdf'])
      expect(sha256(readFileSync(join(again, 'output/lecture', f)))).toBe(
        sha256(readFileSync(join(dir, 'output/lecture', f))),
      );
  });
});

describe('a custom CSS theme', () => {
  it(
    'is followed in its plain properties, with a DH_MINIATURE warning that the miniatures ' + 'approximate it',
    async () => {
      const dir = project('printouts');
      writeFileSync(
        join(dir, 'clinic.css'),
        '/* @theme clinic */\n@import "default";\nsection { background-color: #102030; color: #fafafa; font-size: ' +
          '40px; }\n',
      );
      writeFileSync(join(dir, 'deckhand.config.yaml'), 'slides: {theme: ./clinic.css}\naudiences:\n  clinician: {}\n');
      const r = await runDeckhand(['build', '-f', 'notes'], dir, EPOCH);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(
        /notes\.pdf: the slide miniatures approximate the custom theme "clinic".*\[DH_MINIATURE\]/,
      );
      // The slide background is the theme's: #102030 is filled on every notes page.
      const obj = objects(join(dir, 'output/lecture/clinician/notes.pdf'));
      expect(obj).toMatch(/0\.0627\d* 0\.1254\d* 0\.1882\d* scn/);
    },
  );
});

describe('slides-handout.pdf layouts', () => {
  const cases = [
    { layout: 1, pages: 6 },
    { layout: 2, pages: 3 },
    { layout: 4, pages: 2 },
    { layout: 6, pages: 1 },
    { layout: 9, pages: 1 },
  ];
  for (const c of cases) {
    it(`layout ${c.layout}: ${c.pages} page(s) for 6 slides`, async () => {
      const dir = project('printouts');
      writeFileSync(
        join(dir, 'deckhand.config.yaml'),
        `slidesHandout: {layout: ${c.layout}}\naudiences:\n  clinician: {}\n`,
      );
      const r = await runDeckhand(['build', '-f', 'slides-handout'], dir, EPOCH);
      expect(r.code, r.stderr).toBe(0);
      const pdf = join(dir, 'output/lecture/clinician/slides-handout.pdf');
      expect(pages(pdf)).toBe(c.pages);
      expect(qpdfCheck(pdf)).toBe(0);
      for (const t of NOTE_TOKENS) expect(pdfText(pdf)).not.toContain(t);
      // Legibility: 1- and 2-up keep the body text readable, 4/6/9-up warn.
      expect(r.stderr.includes('DH_SMALL_PRINT')).toBe(c.layout > 2);
    });
  }

  it('order: horizontal reads row by row, vertical column by column', async () => {
    const where = async (order: string) => {
      const dir = project('printouts');
      writeFileSync(
        join(dir, 'deckhand.config.yaml'),
        `slidesHandout: {layout: 4, order: ${order}}\naudiences:\n  clinician: {}\n`,
      );
      expect((await runDeckhand(['build', '-f', 'slides-handout'], dir, EPOCH)).code).toBe(0);
      const html = execFileSync(
        'pdftotext',
        ['-bbox', '-f', '1', '-l', '1', join(dir, 'output/lecture/clinician/slides-handout.pdf'), '-'],
        { encoding: 'utf8' },
      );
      // The "Slide n" labels: the word "Slide" followed by the number n.
      const words = [...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
        w: m[3]!,
      }));
      const label = (n: number) => words.find((w, i) => w.w === 'Slide' && words[i + 1]?.w === String(n))!;
      return { one: label(1), two: label(2) };
    };
    const h = await where('horizontal');
    expect(Math.abs(h.two.y - h.one.y)).toBeLessThan(1);
    expect(h.two.x).toBeGreaterThan(h.one.x + 100);
    const v = await where('vertical');
    expect(Math.abs(v.two.x - v.one.x)).toBeLessThan(1);
    expect(v.two.y).toBeGreaterThan(v.one.y + 100);
  });
});

describe('slides.pdf without a browser, and drawn slides equal slides.html', () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const squeeze = (s: string) => s.replace(/[\s\u2060\u200b•◦▪]+/g, '');

  for (const theme of ['default', 'gaia', 'uncover']) {
    it(`${theme}: each drawn slide's text is the text Chromium shows for it in slides.html`, async () => {
      const dir = project('printouts');
      writeFileSync(
        join(dir, 'deckhand.config.yaml'),
        `slides: {theme: ${theme}, pdfEngine: deckhand}\naudiences:\n  clinician: {}\n`,
      );
      const r = await runDeckhand(['build', '-f', 'slides', '-f', 'slides-pdf'], dir, EPOCH);
      expect(r.code, r.stderr).toBe(0);
      const out = join(dir, 'output/lecture/clinician');
      const pdf = join(out, 'slides.pdf');
      expect(pages(pdf)).toBe(6);
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+960 x 540 pts/);
      expect(qpdfCheck(pdf)).toBe(0);
      expect(objects(pdf)).toContain('/URI (https://example.org/guideline)');
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`file://${join(out, 'slides.html')}`);
      const texts = await tab.$$eval('section[data-marpit-pagination], section', (sections) =>
        [...new Set(sections)].map((s) => {
          const copy = s.cloneNode(true) as HTMLElement;
          for (const x of copy.querySelectorAll('style, script, svg, math, mjx-container')) x.remove();
          return { text: copy.textContent ?? '', page: s.getAttribute('data-marpit-pagination') };
        }),
      );
      await context.close();
      expect(texts.length).toBe(6);
      expect(squeeze(texts[1]!.text)).toContain('FIRST-POINT-ALPHA'); // the comparison compares something
      texts.forEach(({ text, page: number }, i) => {
        let drawn = squeeze(page(pdf, i + 1));
        if (number && drawn.endsWith(number)) drawn = drawn.slice(0, -number.length);
        expect(drawn, `slide ${i + 1}`).toBe(squeeze(text));
      });
    });
  }

  it('auto: no browser found → slides.pdf drawn by deckhand, with a note saying so', async () => {
    const dir = project('printouts');
    writeFileSync(join(dir, 'deckhand.config.yaml'), 'audiences:\n  clinician: {}\n');
    const r = await runDeckhand(['build', '-f', 'slides-pdf'], dir, { ...EPOCH, CHROME_PATH: '/nonexistent/chromium' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/slides\.pdf: drawn by deckhand, as no browser was found/);
    expect(existsSync(join(dir, 'output/lecture/clinician/slides.pdf'))).toBe(true);
    expect(pages(join(dir, 'output/lecture/clinician/slides.pdf'))).toBe(6);
  });
});
