import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../helpers/files.js';
import { pdfText, qpdfCheck, structElements } from '../helpers/pdf.js';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

// `miniatures: exact` on real files: the slide pages Chromium prints, stamped into the frames of notes.pdf and
// slides-handout.pdf — the slide's text on the right page (once: not drawn as well), tagged Figures with the
// alt text, the stamps as artifacts, the slide's links made again over the same words, reproducible bytes, and a
// clear error when no browser can be used.

const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const EXACT = 'notes: {miniatures: exact}\nslidesHandout: {miniatures: exact, layout: 6}\n';
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const page = (pdf: string, n: number) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
const objects = (pdf: string) =>
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-']).toString('latin1');
const count = (text: string, word: string) => text.split(word).length - 1;

function exactProject(): string {
  const dir = project('printouts');
  const config = join(dir, 'deckhand.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8') + EXACT);
  return dir;
}

describe.skipIf(!existsSync(CHROME))(
  `printouts with miniatures: ` +
    `exact${existsSync(CHROME) ? '' : ' (skipped: no Chromium at CHROME_PATH or /usr/bin/chromium)'}`,
  async () => {
    const dir = exactProject();
    const r = await runDeckhand(['build'], dir, EPOCH);
    const notes = join(dir, 'output/lecture/clinician/notes.pdf');
    const handout = join(dir, 'output/lecture/student/slides-handout.pdf');

    it('notes.pdf: each page holds its slide as Chromium printed it, and the slide notes below', () => {
      expect(r.code, r.stderr).toBe(0);
      expect(pages(notes)).toBe(8); // the same pages as drawn miniatures: 6 slides, 2 continuation pages
      const p2 = page(notes, 2);
      expect(p2).toContain('Slide 2: First principles');
      expect(p2).toContain('FIRST-POINT-ALPHA wash before you eat');
      expect(p2).toContain('NOTE-ONE-START');
      // The stamped slide's text, once: no drawn miniature under it.
      expect(count(p2, 'FIRST-POINT-ALPHA')).toBe(1);
      expect(page(notes, 3)).toContain('NO-NOTES-POINT');
      expect(page(notes, 3)).not.toContain('FIRST-POINT-ALPHA');
      expect(page(notes, 7)).toContain('LAST-POINT');
    });

    it('notes.pdf: valid and tagged; each frame a Figure with its alt text, the page stamped as an artifact', () => {
      expect(qpdfCheck(notes)).toBe(0);
      expect(execFileSync('pdfinfo', [notes], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
      const figures = structElements(notes).filter((e) => e.type === 'Figure');
      expect(figures.map((f) => f.alt?.split('.')[0])).toEqual([
        'Slide 1: Printout lecture',
        'Slide 2: First principles',
        'Slide 3: Slide without notes',
        'Slide 4: Long notes slide',
        'Slide 5: Last slide',
        'Slide 6: The main message',
      ]);
      const obj = objects(notes);
      // Each stamp: q, the frame's transform, the embedded page, Q, inside an Artifact sequence.
      const stamps = obj.match(/\/Artifact BMC\s+q\s+(?:[-\d.]+ ){6}cm[^]{0,200}?\/EmbeddedPdfPage-\d+ Do\s+Q\s+EMC/g);
      expect(stamps?.length).toBe(6);
      // pdf-lib wrote no Producer or dates of its own.
      expect(obj).not.toContain('pdf-lib');
    });

    it("notes.pdf: the slide's link is clickable over the same words in the frame", () => {
      const links = linkRects(notes, 2);
      const guideline = links.find((l) => l.uri === 'https://example.org/guideline');
      expect(guideline).toBeDefined();
      // Where pdftotext finds the linked words on page 2 (its -bbox coordinates run from the top).
      const words = wordBoxes(notes, 2).filter((w) => w.text === 'guideline');
      const height = 792;
      const hit = words.some((w) => {
        const [x1, y1, x2, y2] = guideline!.rect as [number, number, number, number];
        const cx = (w.x1 + w.x2) / 2;
        const cy = height - (w.y1 + w.y2) / 2;
        return cx > x1 && cx < x2 && cy > y1 && cy < y2;
      });
      expect(hit, JSON.stringify({ guideline, words })).toBe(true);
    });

    it('slides-handout.pdf: the real slides, six a page, never any speaker notes', () => {
      expect(pages(handout)).toBe(1);
      const text = pdfText(handout);
      for (const t of ['FIRST-POINT-ALPHA', 'NO-NOTES-POINT', 'LONG-POINT', 'LAST-POINT', 'Slide 6'])
        expect(text).toContain(t);
      for (const t of ['NOTE-ONE-START', 'LONGNOTE', 'LAST-NOTE']) expect(text).not.toContain(t);
      expect(objects(handout)).not.toContain('NOTE-ONE');
      expect(qpdfCheck(handout)).toBe(0);
      expect(structElements(handout).filter((e) => e.type === 'Figure').length).toBe(6);
    });

    it('is byte-reproducible with SOURCE_DATE_EPOCH, in another folder', async () => {
      const again = exactProject();
      expect((await runDeckhand(['build'], again, EPOCH)).code).toBe(0);
      for (const f of ['clinician/notes.pdf', 'student/slides-handout.pdf'])
        expect(sha256(readFileSync(join(again, 'output/lecture', f))), f).toBe(
          sha256(readFileSync(join(dir, 'output/lecture', f))),
        );
    });
  },
);

describe('miniatures: exact without a browser', () => {
  it('fails with a clear error and a hint, for each printout', async () => {
    const dir = exactProject();
    const r = await runDeckhand(['build'], dir, { ...EPOCH, CHROME_PATH: join(dir, 'no-such-browser') });
    expect(r.code).toBe(1);
    for (const key of ['notes', 'slidesHandout']) {
      expect(r.stderr).toContain(`${key}.miniatures: exact prints the slides with Chromium, and none can be used`);
      expect(r.stderr).toContain(`or set ${key}.miniatures: drawn (deckhand draws them, no browser needed)`);
    }
    expect(existsSync(join(dir, 'output/lecture/clinician/notes.pdf'))).toBe(false);
  });
});

/** The URI links of a page: their rectangles (PDF coordinates) and targets, read with `qpdf --json`. */
function linkRects(pdf: string, pageNumber: number): { uri: string; rect: number[] }[] {
  const json = JSON.parse(
    execFileSync('qpdf', ['--json', '--json-key=pages', '--json-key=qpdf', pdf], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    }),
  ) as {
    pages: { object: string }[];
    qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
  };
  const objs = json.qpdf[1];
  const get = (ref: unknown) =>
    typeof ref === 'string' ? objs[`obj:${ref}`]?.value : (ref as Record<string, unknown>);
  const pageObj = get(json.pages[pageNumber - 1]!.object)!;
  const annots = (get(pageObj['/Annots']) ?? pageObj['/Annots']) as unknown as string[] | undefined;
  return (annots ?? []).flatMap((ref) => {
    const a = get(ref)!;
    if (a['/Subtype'] !== '/Link') return [];
    const action = get(a['/A']) as Record<string, unknown> | undefined;
    const uri = typeof action?.['/URI'] === 'string' ? (action['/URI'] as string).replace(/^u:/, '') : null;
    return uri ? [{ uri, rect: (a['/Rect'] as number[]).map(Number) }] : [];
  });
}

/** Words of a page with their boxes, from `pdftotext -bbox` (points, y from the top). */
function wordBoxes(pdf: string, n: number): { text: string; x1: number; y1: number; x2: number; y2: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ x1: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]), text: m[5]! }));
}
