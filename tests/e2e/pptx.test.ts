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
import { deckhand, REPO } from '../helpers/project.js';

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
const decks: Record<string, Deck> = {};
beforeAll(async () => {
  first = sampleProject();
  second = sampleProject();
  for (const dir of [first, second]) {
    const r = deckhand(['build', '-f', 'pptx', '-f', 'slides'], dir, { SOURCE_DATE_EPOCH: EPOCH });
    expect(r.code, r.stderr).toBe(0);
  }
  for (const a of AUDIENCES)
    decks[a] = await parseDeck(readFileSync(join(first, 'output/stem-cells-autoimmune', a, 'slides.md'), 'utf8'));
});

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
  `LibreOffice opens the sample's decks${soffice ? '' : ' (skipped: no soffice; apt-get install libreoffice-impress-nogui)'}`,
  () => {
    it('renders every slide with its title and points, and every note on its notes page', () => {
      const { pdfs, log } = convertToPdf(soffice!, Object.fromEntries(AUDIENCES.map((a) => [a, deckPath(first, a)])));
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
  },
);
