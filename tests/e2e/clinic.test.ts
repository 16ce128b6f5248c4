import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS with an ES default: the function itself under either import shape.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = ((jsQRModule as unknown as { default?: Decode }).default ?? jsQRModule) as unknown as Decode;
import { beforeAll, describe, expect, it } from 'vitest';
import { runDeckhand } from '../helpers/run-cli.js';
import { project } from '../helpers/project.js';

// The clinic's sheets (tests/fixtures/clinic) as a clinic builds them: each one A4 page in Atkinson
// Hyperlegible, with the brand, review dates and a QR code; the warfarin sheet with a warning box, a call
// box, numbered steps and a question checklist, the food sheet with a tip that links a video (and arrows,
// which Atkinson lacks: the font chain sets them in DejaVu Sans). Every check reads the real PDF with poppler.

const EPOCH = '1780000000'; // 2026-05-28
const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
const pageText = (pdf: string, page: number) =>
  run('pdftotext', ['-f', `${page}`, '-l', `${page}`, '-layout', pdf, '-']);
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);

let dir: string;
let pdf: string;
let food: string;
let stderr: string;
beforeAll(async () => {
  dir = project('clinic');
  const r = await runDeckhand(['build', '-f', 'handout', '-f', 'slides'], dir, { SOURCE_DATE_EPOCH: EPOCH });
  expect(r.code, r.stderr).toBe(0);
  stderr = r.stderr;
  pdf = join(dir, 'output/warfarin/patient/handout.pdf');
  food = join(dir, 'output/food/patient/handout.pdf');
}, 120_000);

describe('the sheets', () => {
  it('are one A4 page each', () => {
    for (const file of [pdf, food]) {
      const info = run('pdfinfo', [file]);
      expect(info).toMatch(/Pages:\s+1\n/);
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    }
  });

  it('are set in Atkinson Hyperlegible; the arrows it lacks come from DejaVu Sans, and none is missing', () => {
    const fonts = (file: string) => run('pdffonts', [file]);
    expect(fonts(pdf)).toMatch(/\+AtkinsonHyperlegible-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts(pdf)).toMatch(/\+AtkinsonHyperlegible-Bold\s/);
    // Every character of the warfarin sheet is in Atkinson: DejaVu is not even loaded into it.
    expect(fonts(pdf)).not.toContain('DejaVu');
    expect(fonts(food)).toMatch(/\+AtkinsonHyperlegible-Regular\s/);
    expect(fonts(food)).toMatch(/\+DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const text = run('pdftotext', [food, '-']);
    expect(text).toContain('Eat as you always do → keep your INR steady');
    expect(text).toContain('plan your meals → and keep track');
    expect(stderr).not.toContain('DH_MISSING_GLYPH');
  });
});

/** The page that holds `needle`, and that every one of `rest` is on the same page. */
function samePage(needle: string, ...rest: string[]): number {
  return samePageOf(pdf, needle, ...rest);
}

function samePageOf(pdf: string, needle: string, ...rest: string[]): number {
  for (let p = 1; p <= pages(pdf); p++) {
    const text = pageText(pdf, p).replace(/\s+/g, ' ');
    if (text.includes(needle)) {
      for (const r of rest) expect(text, `"${r}" is on the page of "${needle}"`).toContain(r);
      return p;
    }
  }
  throw new Error(`"${needle}" is on no page`);
}

describe('section kinds on the clinic sheet', () => {
  it('prints each box whole, with its label, on one page', () => {
    samePage('Warning', 'Signs of bleeding', 'Red or dark brown pee', 'Bleeding gums or nosebleeds that do not stop');
    samePage('When to call', 'Call 911 if', 'You fall and hit your head', 'You have a very bad headache');
    samePageOf(food, 'Tip', 'Watch a short video', 'Scan the code', 'https://riverside.example.org/v/inr');
  });

  it('numbers the steps and keeps the checklist together', () => {
    samePage('How to take your tablet', '1 Take one tablet', '2 If you miss a dose');
    samePage('What is my main problem?', 'What do I need to do?', 'Why is it important for me to do this?');
  });

  it('tags each kind as a section with its heading and list inside, the box an artifact', () => {
    const qdf = join(dir, 'qdf.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', pdf, qdf]);
    const raw = readFileSync(qdf, 'latin1');
    expect(raw.match(/\/S \/Sect/g)?.length).toBe(4);
    expect(raw).toMatch(/\/S \/L\b/);
    expect(run('pdfinfo', [pdf])).toMatch(/Tagged:\s+yes/);
  });

  it('styles the same kinds on the deck: a class per slide and the label in its header', () => {
    const md = readFileSync(join(dir, 'output/warfarin/patient/slides.md'), 'utf8');
    expect(md).toContain('<!-- _class: kind-warning -->');
    expect(md).toContain('<!-- _header: "When to call" -->');
    expect(md).toMatch(/1\. Take one tablet/);
    const html = readFileSync(join(dir, 'output/warfarin/patient/slides.html'), 'utf8');
    expect(html).toContain('section.kind-warning');
    expect(html).toMatch(/class="[^"]*kind-questions/);
  });
});

describe('review dates', () => {
  it('prints "Last reviewed · Next review due" (reviewBy derived from review.months: 24)', () => {
    const all = run('pdftotext', [pdf, '-']).replace(/\s+/g, ' ');
    expect(all).toContain('Last reviewed: January 15, 2026 · Next review due: January 15, 2028');
  });

  it('an overdue review is a warning; --strict makes it an error and exits 1', async () => {
    const later = { SOURCE_DATE_EPOCH: '1880000000' }; // 2029-07-30
    const warn = await runDeckhand(['lint'], dir, later);
    expect(warn.stderr).toMatch(/warning {2}the review of "warfarin" was due on 2028-01-15 .*\[DH_REVIEW_DUE\]/);
    const strict = await runDeckhand(['lint', '--strict'], dir, later);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/error {2}the review of "warfarin" was due on 2028-01-15 .*\[DH_REVIEW_DUE\]/);
    const now = await runDeckhand(['lint', '--strict'], dir, { SOURCE_DATE_EPOCH: EPOCH });
    expect(now.stderr).not.toContain('DH_REVIEW_DUE');
    // The warfarin sheet itself passes the gate: readability on, the clinic's words allowed.
    const sheet = await runDeckhand(['lint', '--strict', 'content/warfarin.yaml'], dir, { SOURCE_DATE_EPOCH: EPOCH });
    expect(sheet.code, sheet.stderr).toBe(0);
  });

  it('lint --due lists topics by next review date; review.required flags a patient topic without one', async () => {
    writeFileSync(
      join(dir, 'content/inr.yaml'),
      'title: Your INR test\nsections:\n  - title: What it is\n    body: A blood test that shows how fast your blood ' +
        'clots.\n',
    );
    const r = await runDeckhand(['lint', '--due'], dir, { SOURCE_DATE_EPOCH: EPOCH });
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^next review\s+topic\s+last reviewed\s+status$/);
    expect(rows[1]).toMatch(/^2028-01-15\s+warfarin\s+2026-01-15\s+due in 597 days$/);
    expect(rows[2]).toMatch(/^2028-02-01\s+food\s+2026-02-01\s+due in 614 days$/);
    expect(rows[3]).toMatch(/^–\s+inr\s+–\s+no review date$/);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /content\/inr\.yaml:1:1 {2}error {2}"inr" is for patients and has no review date.*\[DH_REVIEW_MISSING\]/,
    );
    rmSync(join(dir, 'content/inr.yaml'));
  });
});

describe('QR codes', () => {
  /** The QR code printed just above the address `url` (found with pdftotext -bbox), read with jsQR at 200 dpi. */
  function decodeAbove(pdf: string, url: string): string | null {
    for (let page = 1; page <= pages(pdf); page++) {
      const xml = run('pdftotext', ['-bbox', '-f', `${page}`, '-l', `${page}`, pdf, '-']);
      const m = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${url.replace(/[.?/]/g, '\\$&')}</word>`).exec(
        xml,
      );
      if (!m) continue;
      const k = 200 / 72;
      const [x, y] = [Number(m[1]), Number(m[2])];
      const base = join(dir, `qr-${page}-${Math.round(y)}`);
      const crop = [Math.round((x - 12) * k), Math.round((y - 80) * k), Math.round(100 * k), Math.round(85 * k)];
      run('pdftoppm', [
        '-f',
        `${page}`,
        '-l',
        `${page}`,
        '-r',
        '200',
        '-x',
        `${crop[0]}`,
        '-y',
        `${crop[1]}`,
        '-W',
        `${crop[2]}`,
        '-H',
        `${crop[3]}`,
        '-png',
        '-singlefile',
        pdf,
        base,
      ]);
      const png = PNG.sync.read(readFileSync(`${base}.png`));
      return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
    }
    return null;
  }

  it('the printed codes decode to the topic URL and the section URL, printed under them', () => {
    expect(decodeAbove(pdf, 'https://riverside.example.org/warfarin')).toBe('https://riverside.example.org/warfarin');
    for (const url of ['https://riverside.example.org/food', 'https://riverside.example.org/v/inr'])
      expect(decodeAbove(food, url)).toBe(url);
    expect(run('pdftotext', [pdf, '-'])).toContain('https://riverside.example.org/warfarin');
    const text = run('pdftotext', [food, '-']);
    expect(text).toContain('https://riverside.example.org/food');
    expect(text).toContain('https://riverside.example.org/v/inr');
  });

  it('each code is a Figure with alt text, at least 20 mm wide', () => {
    const qdf = join(dir, 'qdf-qr.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', pdf, qdf]);
    const raw = readFileSync(qdf, 'latin1');
    expect(raw).toContain('/Alt (QR code linking to https://riverside.example.org/warfarin)');
    const bboxes = [...raw.matchAll(/\/BBox \[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map(
      (m) => Number(m[3]) - Number(m[1]),
    );
    expect(bboxes.some((w) => w >= (20 / 25.4) * 72)).toBe(true);
  });

  it("the deck's last slide shows the code to the online version, with alt text, and it decodes", () => {
    const md = readFileSync(join(dir, 'output/warfarin/patient/slides.md'), 'utf8');
    const last = md.split(/\n---\n/).at(-1)!;
    const m = /!\[w:\d+ (QR code linking to [^\]]+)\]\(data:image\/png;base64,([^)]+)\)/.exec(last)!;
    expect(m[1]!.replace(/\\/g, '')).toBe('QR code linking to https://riverside.example.org/warfarin');
    const png = PNG.sync.read(Buffer.from(m[2]!, 'base64'));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(
      'https://riverside.example.org/warfarin',
    );
  });
});

describe('brand', () => {
  it('puts the logo (a Figure with alt text) and the name in the title block, the contact line in the footer', () => {
    const qdf = join(dir, 'qdf-brand.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', pdf, qdf]);
    expect(readFileSync(qdf, 'latin1')).toContain('/Alt (Riverside Anticoagulation Clinic logo)');
    const first = pageText(pdf, 1).replace(/\s+/g, ' ');
    expect(first).toMatch(/Riverside Anticoagulation Clinic Taking warfarin safely What to do each day/);
    for (let p = 1; p <= pages(pdf); p++)
      expect(pageText(pdf, p).replace(/\s+/g, ' ')).toContain(
        '555-0142 · riverside.example.org · This handout does not replace',
      );
  });

  it("shows the logo on the deck's title slide", () => {
    const md = readFileSync(join(dir, 'output/warfarin/patient/slides.md'), 'utf8');
    const title = md.split(/\n---\n/)[1]!;
    expect(title).toMatch(/!\[h:96 Riverside Anticoagulation Clinic logo\]\(<[^>]*brand\/logo\.svg>\)/);
  });
});
