import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.js';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

// The slide plan against real Chromium, for every built-in theme, on a generated corpus of sections:
// short and long bodies, 1 to 15 points of every length, tables small and tall, images beside text
// and alone, a long glossary. Two claims: no slide overflows its content box, and no "(continued)"
// pair would have fitted on one slide (measured: the first part plus the second's content below its
// title, with one block gap between, against the room on a slide, less 3 % for a line that would
// re-wrap when two lists become one).

const THEMES = ['deckhand', 'deckhand-dark', 'default', 'gaia', 'uncover'];
const WORDS = 'cells immune response tissue repair trial safety dose patient marrow signal balance'.split(' ');

/** A deterministic pseudo-random text of n words, sentences of 6–14 words. */
function words(n: number, seed: number): string {
  let x = seed * 7919 + 13;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  let sentence = 0;
  for (let i = 0; i < n; i++) {
    const w = WORDS[Math.floor(next() * WORDS.length)]!;
    out.push(sentence === 0 ? w[0]!.toUpperCase() + w.slice(1) : w);
    sentence++;
    if ((sentence > 6 && next() < 0.25) || i === n - 1) {
      out[out.length - 1] += '.';
      sentence = 0;
    }
  }
  return out.join(' ');
}

const q = (s: string) => JSON.stringify(s);

function corpus(): string {
  const sections: string[] = [];
  let id = 0;
  const add = (fields: Record<string, unknown>) => {
    id++;
    const lines = [
      `  - id: s${id}`,
      `    title: ${q(`Section ${id} ${words(id % 5 === 4 ? 10 : id % 3 === 0 ? 5 : 2, id).replace(/\.$/, '')}`)}`,
    ];
    for (const [k, v] of Object.entries(fields)) {
      if (Array.isArray(v)) lines.push(`    ${k}:`, ...v.map((p) => `      - ${q(String(p))}`));
      else if (typeof v === 'string') lines.push(`    ${k}: ${q(v)}`);
      else lines.push(`    ${k}: ${JSON.stringify(v)}`);
    }
    lines.push(`    notes: ${q(`NOTE-${id}`)}`);
    sections.push(lines.join('\n'));
  };
  for (let n = 1; n <= 15; n++) {
    add({ points: Array.from({ length: n }, (_, i) => words(3 + ((i * 7 + n) % 5) * 5, n * 31 + i)) });
    if (n % 3 === 0) add({ body: words(12 + n * 3, n), points: Array.from({ length: n }, (_, i) => words(6, i + n)) });
  }
  for (const n of [20, 60, 140, 320]) add({ body: words(n, n) });
  add({ body: [words(40, 1), words(50, 2), words(30, 3), words(60, 4), words(45, 5)].join('\n\n') });
  const table = (rows: number) =>
    [
      '| Measure | Before | After |',
      '|---|---|---|',
      ...Array.from({ length: rows }, (_, i) => `| ${words(2 + (i % 3) * 3, i)} | ${i} | ${i + 1} |`),
    ].join('\n');
  add({ body: `${words(15, 9)}\n\n${table(3)}` });
  add({ body: table(14) });
  add({ body: table(28) });
  const image = { src: 'img/cells.png', alt: 'Cells', caption: 'A caption under the picture' };
  add({ image });
  add({ image, points: [words(8, 1), words(12, 2)] });
  add({ image, points: Array.from({ length: 9 }, (_, i) => words(10, i)) });
  add({ image, body: words(70, 3) });
  const glossary = Array.from(
    { length: 14 },
    (_, i) => `  - {term: ${q(`term ${i}`)}, definition: ${q(words(8 + (i % 4) * 6, i))}}`,
  );
  return [
    'title: Slide fit corpus',
    'date: 2026-01-01',
    'summary: One message to take home.',
    'sections:',
    ...sections,
    'glossary:',
    ...glossary,
    '',
  ].join('\n');
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

interface Measured {
  title: string;
  top: number;
  secondTop: number;
  bottom: number;
  gap: number;
  room: number;
  padTop: number;
  padBottom: number;
  height: number;
  beside: boolean;
  /** The smallest font size of body text (paragraphs, list items, table cells) on the slide. */
  minBody: number;
  /** The presenter notes of the slide. */
  note: string;
}

describe('the slide plan in Chromium, on a generated corpus', () => {
  it.each(THEMES)(
    '%s: no slide overflows; no continued pair would fit on one slide',
    async (theme) => {
      const dir = project('slides', {
        'deckhand.config.yaml': `slides: {theme: ${theme}, body: always}\naudiences: {all: {label: Everyone}}\n`,
        'content/deck.yaml': corpus(),
      });
      const r = await runDeckhand(['build', '-f', 'slides'], dir);
      expect(r.code, r.stderr).toBe(0);
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.emulateMedia({ media: 'print' });
      await page.goto(pathToFileURL(join(dir, 'output/deck/all/slides.html')).href);
      const slides: Measured[] = await page.evaluate(() => {
        const svgs = [...document.querySelectorAll('.marpit > svg')];
        return [...document.querySelectorAll('.marpit > svg > foreignObject > section[id]')]
          .filter(
            (s) =>
              !(s as HTMLElement).dataset.marpitAdvancedBackground ||
              (s as HTMLElement).dataset.marpitAdvancedBackground === 'content',
          )
          .map((s) => {
            const box = s.getBoundingClientRect();
            const cs = getComputedStyle(s);
            const kids = [...s.children].filter((c) => !['HEADER', 'FOOTER', 'SCRIPT'].includes(c.tagName));
            const rects = kids.map((k) => k.getBoundingClientRect());
            const last = kids[kids.length - 1];
            return {
              title: s.querySelector('h2')?.textContent ?? '',
              top: Math.min(...rects.map((k) => k.top)) - box.top,
              secondTop: (rects[1]?.top ?? rects[0]!.bottom) - box.top,
              bottom: Math.max(...rects.map((k) => k.bottom)) - box.top,
              gap: last ? parseFloat(getComputedStyle(last).marginBottom) || 16 : 16,
              room: box.height - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom),
              padTop: parseFloat(cs.paddingTop),
              padBottom: parseFloat(cs.paddingBottom),
              height: box.height,
              beside: Boolean(s.closest('svg')!.querySelector('[data-marpit-advanced-background="background"]')),
              note:
                document.querySelector(`#dh-notes > .dh-note[data-slide="${svgs.indexOf(s.closest('svg')!) + 1}"]`)
                  ?.textContent ?? '',
              minBody: Math.min(
                ...[...s.querySelectorAll(':scope > p, :scope li, :scope td, :scope th')]
                  .filter((e) => !e.closest('header, footer, figcaption, .caption') && e.textContent!.trim())
                  .map((e) => parseFloat(getComputedStyle(e).fontSize)),
              ),
            };
          });
      });
      await page.close();
      expect(slides.length).toBeGreaterThan(30);
      const overflowing = slides
        .filter((s) => s.top < s.padTop - 2 || s.bottom > s.height - s.padBottom + 2)
        .map((s) => `${s.title}: ${Math.round(s.bottom - s.top)} px in ${Math.round(s.room)}`);
      expect(overflowing).toEqual([]);
      // The deckhand themes promise body text of at least 28 px at 1280×720 (a lecture hall's back row).
      if (theme.startsWith('deckhand')) {
        const small = slides.filter((s) => s.minBody < 28).map((s) => `${s.title}: ${s.minBody} px`);
        expect(small).toEqual([]);
      }
      // Notes on every part: a continued slide carries its section's notes (NOTE-<n> for section s<n>).
      const lost = slides
        .filter((s) => /^Section .*\(continued\)$/.test(s.title))
        .filter((s) => !s.note.includes(`NOTE-${/^Section (\d+)/.exec(s.title)?.[1]}`))
        .map((s) => s.title);
      expect(lost).toEqual([]);
      const needless: string[] = [];
      let pairs = 0;
      slides.forEach((b, i) => {
        const a = slides[i - 1];
        if (!a || !/\(continued\)$/.test(b.title) || a.beside) return;
        pairs++;
        const combined = a.bottom - a.top + a.gap + (b.bottom - b.secondTop);
        if (combined <= a.room * 0.97)
          needless.push(`${a.title}: ${Math.round(combined)} px fit in ${Math.round(a.room)}`);
      });
      expect(needless).toEqual([]);
      expect(pairs).toBeGreaterThan(3);
    },
    120_000,
  );
});
