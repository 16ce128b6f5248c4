import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/render/deck/parse.js';
import type { Block, Deck } from '../../src/render/deck/model.js';
import { plainText } from '../../src/render/handout-pdf/blocks.js';
import { findSoffice, convertToPdf } from '../helpers/libreoffice.js';
import { checkPptx } from '../helpers/pptx-check.js';
import { deckhand, project, REPO } from '../helpers/project.js';

// `deckhand build -f pptx` as a user runs it, on the sample: reproducible across folders, and opened by a
// real office suite (LibreOffice) that renders every slide with its text and its notes.

const AUDIENCES = ['patient', 'student', 'clinician'];
const EPOCH = '1764547200';
const soffice = findSoffice();

function sampleProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-pptx-'));
  cpSync(join(REPO, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

let first: string;
let second: string;
let math: string;
const decks: Record<string, Deck> = {};
let mathDeck: Deck;
beforeAll(async () => {
  first = sampleProject();
  second = sampleProject();
  math = project('math');
  for (const dir of [first, second, math]) {
    const r = deckhand(['build', '-f', 'pptx', '-f', 'slides'], dir, { SOURCE_DATE_EPOCH: EPOCH });
    expect(r.code, r.stderr).toBe(0);
  }
  for (const a of AUDIENCES)
    decks[a] = await parseDeck(readFileSync(join(first, 'output/stem-cells-autoimmune', a, 'slides.md'), 'utf8'));
  mathDeck = await parseDeck(readFileSync(join(math, 'output/pharmacokinetics/student/slides.md'), 'utf8'));
});
const mathPptx = () => join(math, 'output/pharmacokinetics/student/slides.pptx');

const deckPath = (dir: string, a: string) => join(dir, 'output/stem-cells-autoimmune', a, 'slides.pptx');
const squeeze = (s: string) => s.replace(/[\s\u200B]+/g, '');

describe('deckhand build -f pptx', () => {
  it('writes one slides.pptx per audience, in the manifest, byte-identical from another folder', () => {
    const manifest = JSON.parse(readFileSync(join(first, 'output/manifest.json'), 'utf8'));
    for (const a of AUDIENCES) {
      const bytes = readFileSync(deckPath(first, a));
      expect(Buffer.compare(bytes, readFileSync(deckPath(second, a))), a).toBe(0);
      expect(checkPptx(bytes, { lang: 'en-US', date: new Date(Number(EPOCH) * 1000) }), a).toEqual([]);
      const entry = manifest.artifacts.find(
        (x: { path: string }) => x.path === `stem-cells-autoimmune/${a}/slides.pptx`,
      );
      expect(entry).toMatchObject({ format: 'pptx', pages: decks[a]!.slides.length });
    }
  });
});

/** The words a slide shows: its title and points (list items), paragraphs too. */
function slideWords(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) =>
    b.kind === 'heading' || b.kind === 'paragraph'
      ? [plainText(b.inlines)]
      : b.kind === 'list'
        ? b.items.flatMap((i) => slideWords(i))
        : [],
  );
}

describe.skipIf(!soffice)(
  `LibreOffice opens the sample's ` +
    `decks${soffice ? '' : ' (skipped: no soffice; apt-get install libreoffice-impress-nogui)'}`,
  () => {
    let converted: { pdfs: Record<string, string>; log: string };
    beforeAll(() => {
      // One soffice start for every deck (start-up dominates).
      const decks = Object.fromEntries(AUDIENCES.map((a) => [a, deckPath(first, a)]));
      converted = convertToPdf(soffice!, { ...decks, math: mathPptx() });
    }, 180_000);

    it('renders every slide with its title and points, and every note on its notes page', () => {
      const { pdfs, log } = converted;
      for (const a of AUDIENCES) {
        const pdf = pdfs[a]!;
        expect(existsSync(pdf), `soffice wrote no PDF for ${a}:\n${log}`).toBe(true);
        const deck = decks[a]!;
        const n = deck.slides.length;
        const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
        // The slides, then one notes page per slide.
        expect(pages, a).toBe(2 * n);
        deck.slides.forEach((slide, i) => {
          const page = (p: number) =>
            squeeze(spawnSync('pdftotext', ['-f', `${p}`, '-l', `${p}`, pdf, '-'], { encoding: 'utf8' }).stdout);
          const shown = page(i + 1);
          for (const words of slideWords(slide.blocks)) expect(shown, `${a} slide ${i + 1}`).toContain(squeeze(words));
          const notes = page(n + i + 1);
          for (const note of slide.notes) expect(notes, `${a} notes of slide ${i + 1}`).toContain(squeeze(note));
        });
      }
    }, 180_000);

    it("draws the pictures: the sample's SVG image, the math deck's formulas and SVG curve", () => {
      const { pdfs, log } = converted;
      const images = (pdf: string) =>
        spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
          .stdout.split('\n')
          .slice(2)
          .map((l) => l.trim().split(/\s+/))
          .filter((c) => c[2] === 'image')
          .map((c) => ({ page: Number(c[0]), width: Number(c[3]), height: Number(c[4]) }));
      // The sample: the slide with the SVG figure shows it drawn (PNG stand-in of at least 1280 px).
      let figures = 0;
      for (const a of AUDIENCES) {
        expect(existsSync(pdfs[a]!), `soffice wrote no PDF for ${a}:\n${log}`).toBe(true);
        const pages = decks[a]!.slides.flatMap((s, i) =>
          [...s.backgrounds.map((b) => b.url), ...s.blocks.flatMap((b) => (b.kind === 'image' ? [b.url] : []))].some(
            (u) => u.endsWith('.svg'),
          )
            ? [i + 1]
            : [],
        );
        const shown = images(pdfs[a]!);
        figures += pages.length;
        for (const p of pages)
          expect(
            shown.some((im) => im.page === p && im.width >= 1280),
            `${a} p${p}`,
          ).toBe(true);
      }
      expect(figures).toBeGreaterThan(0);
      expect(existsSync(pdfs.math!), `soffice wrote no PDF for the math deck:\n${log}`).toBe(true);
      const shown = images(pdfs.math!);
      const page = (title: string) => mathDeck.slides.findIndex((s) => s.title === title) + 1;
      // Two display formulas on "Sums, roots and matrices", their TeX nowhere in the slide's text.
      expect(shown.filter((im) => im.page === page('Sums, roots and matrices'))).toHaveLength(2);
      const text = spawnSync(
        'pdftotext',
        ['-f', `${page('Sums, roots and matrices')}`, '-l', '1000', pdfs.math!, '-'],
        {
          encoding: 'utf8',
        },
      ).stdout;
      expect(text).not.toContain('\\sqrt');
      expect(shown.some((im) => im.page === page('The decay curve') && im.width >= 1280)).toBe(true);
    });
  },
);
