import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../src/index.js';
import { project, REPO } from '../../helpers/project.js';
import { runDeckhand } from '../../helpers/run-cli.js';
import { rgbaPng } from '../../helpers/png.js';

// The real thing: the `handout` fixture built by the CLI, checked with poppler-utils and qpdf.
const EPOCH = '1700000000';
const AUDIENCES = ['patient', 'student', 'clinician'];

function tool(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const text = (pdf: string, ...args: string[]) => tool('pdftotext', [...args, pdf, '-']).out;
const flat = (s: string) => s.replace(/\s+/g, ' ');
const qdf = (pdf: string) =>
  spawnSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }).stdout.toString(
    'latin1',
  );

let dir: string;
let pdf: (audience: string) => string;
let manifest: { artifacts: { path: string; pages?: number }[] };

beforeAll(async () => {
  dir = project('handout');
  const r = await runDeckhand(['build', '-f', 'handout'], dir, { SOURCE_DATE_EPOCH: EPOCH });
  expect(r.code, r.stderr).toBe(0);
  pdf = (a) => join(dir, 'output/everything', a, 'handout.pdf');
  manifest = JSON.parse(readFileSync(join(dir, 'output/manifest.json'), 'utf8'));
});

describe('handout.pdf', () => {
  it('has its text in reading order', async () => {
    const t = flat(text(pdf('patient')));
    const order = [
      'Blood pressure & you',
      'A fixture for the handout typesetter',
      'Patients and families · A. Author, B. Author · 15 January 2026',
      'The main message',
      'Check your blood pressure often',
      'The numbers',
      'Formatting',
      'Text with bold, italic, code and a clickable link.',
      'A third-level heading',
      'A fourth-level heading',
      'Level one',
      'Level two',
      'Level three bullet',
      'Back to one',
      '1. First step',
      'Sub-step B',
      'A callout: call your clinic',
      'code block line 1',
      'A long table',
      'Row 1 101 61',
      'Row 30 130 90',
      'A chart',
      'The chart below is a PNG.',
      'The PNG chart caption.',
      'A photo',
      'Before the break.',
      'After the break',
      'The JPEG photo caption.',
      'Words to know',
      'blood pressure',
      'The force of blood',
      'References',
      '1. A reference with a link https://example.org/ref',
      '2. A reference without a link',
    ];
    let at = -1;
    for (const s of order) {
      const next = t.indexOf(s, at + 1);
      expect(next, `"${s}" after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
  });

  it('pdfinfo: tagged PDF 1.7, page count as in the manifest, title, pinned dates', async () => {
    const info = tool('pdfinfo', ['-isodates', pdf('patient')]).out;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(manifest.artifacts.find((a) => a.path === 'everything/patient/handout.pdf')?.pages).toBe(pages);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Suspects:\s+no/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(info).toMatch(/Title:\s+Blood pressure & you\n/);
    expect(info).toMatch(/Author:\s+A\. Author, B\. Author/);
    expect(info).toMatch(/CreationDate:\s+2023-11-14T22:13:20Z/);
    expect(info).toMatch(/ModDate:\s+2023-11-14T22:13:20Z/);
  });

  it('passes qpdf --check and embeds every font (DejaVu, never Helvetica)', async () => {
    for (const a of AUDIENCES) {
      const check = tool('qpdf', ['--check', pdf(a)]);
      expect(check.code, check.out + check.err).toBe(0);
      const rows = tool('pdffonts', [pdf(a)])
        .out.trim()
        .split('\n')
        .slice(2);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it('contains the PNG and the JPEG', async () => {
    const list = tool('pdfimages', ['-list', pdf('patient')]).out;
    expect(list).toMatch(/\bimage\s+400\s+200\s+rgb\s+3\s+8\s+image\b/);
    expect(list).toMatch(/\bimage\s+300\s+200\s+rgb\s+3\s+8\s+jpeg\b/);
  });

  it(
    'has a structure tree with headings, lists, a table, figures with alt text and links; ' + 'furniture is not in it',
    async () => {
      const tree = tool('pdfinfo', ['-struct-text', pdf('patient')]).out;
      for (const tag of [
        'Document',
        'H1',
        'H2',
        'H3',
        'H4',
        'P',
        'L',
        'LI',
        'Lbl',
        'LBody',
        'BlockQuote',
        'Table',
        'TR',
        'TH',
        'TD',
        'Figure',
        'Caption',
        'Link',
        'Code',
      ]) {
        expect(tree, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
      }
      // The header row is content once, though it is printed again on the table's second page.
      expect(tree.match(/^\s*TH\b/gm)).toHaveLength(3);
      expect(tree).toContain(
        '"High blood pressure means ≥140/90 mmHg. α-blockers relax blood vessels. A dose of 50 µg is small."',
      );
      expect(tree).not.toContain('Page 1 of');
      expect(tree).not.toContain('does not replace advice');
      const raw = qdf(pdf('patient'));
      expect(raw).toContain('/Alt (A blue-to-yellow gradient labelled PNG chart)');
      expect(raw).toContain('/Alt (A gradient labelled JPEG photo)');
      expect(raw).toMatch(/\/S \/Figure/);
      expect(raw).toContain('/Lang (en-GB)');
      expect(raw).toContain('/DisplayDocTitle true');
      expect(raw).toContain('/URI (https://example.org/bp)');
    },
  );

  it('prints the running header and footer on every page, and repeats a table header across pages', async () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [pdf('patient')]).out)![1]);
    for (let p = 1; p <= pages; p++) {
      const t = flat(text(pdf('patient'), '-f', String(p), '-l', String(p)));
      expect(t).toContain('Blood pressure & you');
      expect(t).toContain('This handout does not replace advice from your health care team.');
      expect(t).toContain(`Page ${p} of ${pages}`);
    }
    const pageOf = (s: string) =>
      [...Array(pages).keys()]
        .map((i) => i + 1)
        .find((p) => flat(text(pdf('patient'), '-f', String(p), '-l', String(p))).includes(s))!;
    expect(pageOf('Row 30')).toBeGreaterThan(pageOf('Row 1 '));
    expect(text(pdf('patient'), '-f', String(pageOf('Row 30')), '-l', String(pageOf('Row 30')))).toMatch(
      /Reading\s+Systolic\s+Diastolic/,
    );
    expect(pageOf('After the break')).toBe(pageOf('Before the break') + 1);
  });

  it('gives bookmarks for the sections (third-level headings nested)', async () => {
    const outlines = JSON.parse(tool('qpdf', ['--json', '--json-key=outlines', pdf('patient')]).out).outlines as {
      title: string;
      kids: { title: string }[];
    }[];
    expect(outlines.map((o) => o.title)).toEqual([
      'The numbers',
      'Formatting',
      'A long table',
      'A chart',
      'A photo',
      'Words to know',
      'References',
    ]);
    expect(outlines[1]!.kids.map((k) => k.title)).toEqual(['A third-level heading']);
  });

  it('escapes the XMP metadata: a title with & < > " stays well-formed', async () => {
    const info = tool('pdfinfo', [pdf('clinician')]).out;
    expect(info).toContain('Title:           Hypertension <management> & "follow-up"');
    const xmp = tool('pdfinfo', ['-meta', pdf('clinician')]).out;
    expect(xmp).toContain('Hypertension &lt;management&gt; &amp; &quot;follow-up&quot;');
    expect(xmp).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });

  it('never prints speaker notes, even from a template that asks for them', async () => {
    for (const a of AUDIENCES) expect(text(pdf(a))).not.toContain('SPEAKER-NOTE');
    const custom = project('handout', {
      'templates/handout.md.hbs': '# {{md title}}\n\n{{#each sections}}\nNotes: {{notes}}\n\n{{/each}}\n',
    });
    const r = await runDeckhand(['build', '-f', 'handout', '-a', 'student'], custom);
    expect(r.code, r.stderr).toBe(0);
    const t = text(join(custom, 'output/everything/student/handout.pdf'));
    expect(t).toContain('Notes:');
    expect(t).not.toContain('SPEAKER-NOTE');
  });

  it('is byte-identical for the same input and date, and holds no absolute path', async () => {
    const again = project('handout');
    expect(
      (await runDeckhand(['build', '-f', 'handout', '-o', 'elsewhere'], again, { SOURCE_DATE_EPOCH: EPOCH })).code,
    ).toBe(0);
    for (const a of AUDIENCES)
      expect(readFileSync(join(again, 'elsewhere/everything', a, 'handout.pdf')).equals(readFileSync(pdf(a)))).toBe(
        true,
      );
    const raw = qdf(pdf('patient'));
    for (const path of [dir, again, REPO, '/tmp/', 'node_modules', '.ttf', '.png']) expect(raw).not.toContain(path);
  });
});

describe('handout determinism with transparent images', () => {
  it('several RGBA PNGs (decoded asynchronously by pdfkit) still give byte-identical builds', async () => {
    const sections = [0, 1, 2, 3, 4].map(
      (i) =>
        `  - title: Picture ${i}\n    image: {src: p${i}.png, alt: A noisy pattern of coloured dots number ${i} with ` +
        `see-through parts}\n`,
    );
    const d = project(undefined, { 'content/t.yaml': `title: Pictures\nsections:\n${sections.join('')}` });
    for (let i = 0; i < 5; i++) writeFileSync(join(d, `content/p${i}.png`), rgbaPng(200, 120, i + 1));
    const hashes = new Set<string>();
    for (let run = 0; run < 6; run++) {
      const r = await build({
        cwd: d,
        formats: ['handout'],
        audiences: ['patient'],
        write: false,
        env: { SOURCE_DATE_EPOCH: EPOCH },
      });
      expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
      hashes.add(r.artifacts[0]!.sha256);
    }
    expect(hashes.size).toBe(1);
  });
});

describe('handout options and warnings', () => {
  it('page size and footer come from the config', async () => {
    const d = project('handout', {
      'deckhand.config.yaml': 'handout: {pageSize: A4, footer: "Questions? Call 555-0100 ≥ 9 am."}\n',
    });
    expect((await runDeckhand(['build', '-f', 'handout', '-a', 'patient'], d)).code).toBe(0);
    const file = join(d, 'output/everything/patient/handout.pdf');
    expect(tool('pdfinfo', [file]).out).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(text(file)).toContain('Questions? Call 555-0100 ≥ 9 am.');
  });

  it('a character no font has is a warning that names it, and the handout is still written', async () => {
    const d = project(undefined, {
      'content/t.yaml': 'title: Launch\nsections:\n  - title: Go\n    body: Lift-off 🚀 today\n',
    });
    const r = await runDeckhand(['build', '-f', 'handout', '-a', 'patient'], d);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /warning {2}t\/patient\/handout\.pdf: no font has the character "🚀" \(U\+1F680\).*\[DH_MISSING_GLYPH\]/,
    );
    expect(r.stderr).toContain('content/t.yaml');
  });

  it('the sample topic builds a handout for every audience (what npm start does)', async () => {
    const d = project(undefined, {});
    cpSync(join(REPO, 'content'), join(d, 'content'), { recursive: true });
    const r = await runDeckhand(['build', '-f', 'handout'], d);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('warning');
    for (const a of AUDIENCES) {
      const file = join(d, 'output/stem-cells-autoimmune', a, 'handout.pdf');
      expect(tool('qpdf', ['--check', file]).code).toBe(0);
    }
    const yaml = readFileSync(join(REPO, 'content/stem-cells-autoimmune.yaml'), 'utf8');
    const note = /notes: (Acknowledge that current treatments help many people)/.exec(yaml)![1]!;
    for (const a of AUDIENCES)
      expect(flat(text(join(d, 'output/stem-cells-autoimmune', a, 'handout.pdf')))).not.toContain(note);
  });
});
