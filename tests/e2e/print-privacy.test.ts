import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckhandAsync, project, type CliRun } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';
import { snapshot, tempFiles } from '../helpers/tree.js';

/**
 * The privacy guarantee of `deckhand print` (issue 19): personal values appear only in the visible
 * page content of the PDFs it writes. Records carry unique markers in every field; the built CLI
 * runs in a process of its own with its temp and home folders inside the sandbox, so every file
 * written anywhere and every byte printed can be scanned.
 */

const N = 3;
const records = Array.from({ length: N }, (_, k) => {
  const i = k + 1;
  return {
    patient: `ZqxPatient${i}`,
    clinician: `ZqxClinician${i}`,
    date: `2031-07-1${i}`,
    instructions: [`ZqxInstruction${i} twice a day`, `Bring ZqxList${i}`],
    followUp: `ZqxFollow${i}`,
    phone: `ZqxPhone${i}`,
    // Passed on to templates, not shown by the built-in one: it must appear nowhere at all.
    room: `ZqxRoom${i}`,
    ...(i === 2 ? { file: 'second' } : {}),
  };
});
/** What the built-in handout shows of record i. */
const shown = (i: number) => [
  `ZqxPatient${i}`,
  `ZqxClinician${i}`,
  `July 1${i}, 2031`,
  `ZqxInstruction${i}`,
  `ZqxList${i}`,
  `ZqxFollow${i}`,
  `ZqxPhone${i}`,
];
const everyMarker = records.flatMap((r, k) => [...shown(k + 1), r.room, r.date]);

/** The ways a string can sit in a file: UTF-8, UTF-16 (PDF text strings, XMP), and hex of either. */
function encodings(s: string): Buffer[] {
  const utf8 = Buffer.from(s, 'utf8');
  const be = Buffer.from(s, 'utf16le').swap16();
  const le = Buffer.from(s, 'utf16le');
  const hex = (b: Buffer) => [Buffer.from(b.toString('hex')), Buffer.from(b.toString('hex').toUpperCase())];
  return [utf8, be, le, ...hex(utf8), ...hex(be)];
}
const contains = (bytes: Buffer, s: string) => encodings(s).some((e) => bytes.includes(e));
const leaksIn = (bytes: Buffer) => everyMarker.filter((m) => contains(bytes, m));

function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

describe('print: personal values only in the page content', () => {
  it('not in files, names, metadata, the output store, temp files, stdout, stderr or --json', async () => {
    const dir = project('print');
    const tmp = join(dir, '.tmp');
    const home = join(dir, '.home');
    mkdirSync(tmp);
    mkdirSync(home);
    const env = { TMPDIR: tmp, TEMP: tmp, TMP: tmp, HOME: home, XDG_CACHE_HOME: join(home, '.cache') };
    // The project's own build first: its output folder, manifest and cache must stay as they are.
    const built = await runDeckhand(['build', '-f', 'handout'], dir);
    expect(built.code, built.stderr).toBe(0);
    const store = snapshot(join(dir, 'output'));
    expect(Object.keys(store).some((p) => p.includes('manifest'))).toBe(true);

    const inputs = new Set([join(dir, 'visits.json'), join(dir, 'one.yaml'), join(dir, 'bad.yaml')]);
    writeFileSync(join(dir, 'visits.json'), JSON.stringify(records));
    writeFileSync(join(dir, 'one.yaml'), JSON.stringify(records[0]));
    writeFileSync(
      join(dir, 'bad.yaml'),
      JSON.stringify([records[0], { ...records[1], patient: [records[1]!.patient] }]),
    );

    const base = ['print', 'warfarin', '-a', 'patient'];
    const runs: [string, CliRun][] = [];
    const run = async (args: string[]) => {
      const r = await deckhandAsync([...base, ...args], dir, env, 90_000);
      runs.push([args.join(' '), r]);
      return r;
    };
    expect((await run(['--data', 'one.yaml', '-o', 'one.pdf'])).code).toBe(0);
    expect((await run(['--data', 'visits.json', '-o', 'each'])).code).toBe(0);
    expect((await run(['--data', 'visits.json', '--combine', '-o', 'all.pdf', '--json'])).code).toBe(0);
    const bad = await run(['--data', 'bad.yaml', '-o', 'never']);
    expect(bad.code).toBe(1);
    // Errors name the record and the field, never the value.
    expect(bad.stderr).toContain('record 2: "patient"');

    // Every byte printed.
    for (const [args, r] of runs) {
      expect(r.stderr, args).not.toMatch(/internal error/);
      expect(leaksIn(Buffer.from(r.stdout + r.stderr)), `printed by print ${args}`).toEqual([]);
    }
    const json = JSON.parse(runs[2]![1].stdout) as { files: { path: string }[] };
    expect(json.files.map((f) => f.path)).toEqual(['all.pdf']);

    // The build's output store is untouched; no temp file is left anywhere; nothing in the temp or home folders.
    expect(snapshot(join(dir, 'output'))).toEqual(store);
    expect(tempFiles(dir)).toEqual([]);
    expect(files(tmp).flatMap((f) => leaksIn(readFileSync(f)))).toEqual([]);

    const pdfs = files(dir).filter((f) => f.endsWith('.pdf') && !f.includes('/output/'));
    expect(pdfs.map((f) => relative(dir, f)).sort()).toEqual([
      'all.pdf',
      'each/second.pdf',
      'each/warfarin-patient-1.pdf',
      'each/warfarin-patient-3.pdf',
      'one.pdf',
    ]);
    for (const f of files(dir)) {
      const rel = relative(dir, f);
      // File and folder names never carry a value.
      expect(
        everyMarker.filter((m) => rel.includes(m)),
        rel,
      ).toEqual([]);
      if (inputs.has(f) || f.endsWith('.pdf')) continue;
      expect(leaksIn(readFileSync(f)), rel).toEqual([]);
    }

    for (const pdf of pdfs) {
      const rel = relative(dir, pdf);
      // Decompressed, object streams off: the whole file readable. Page content holds text as glyph
      // codes of the embedded fonts, so any marker still found as text is metadata (Info, XMP, /ID),
      // an outline title, an alt text, an annotation or a structure attribute — a leak.
      const qdf = join(tmp, 'check.qdf');
      expect(spawnSync('qpdf', ['--qdf', '--object-streams=disable', pdf, qdf]).status, rel).toBe(0);
      const bytes = readFileSync(qdf);
      // The scan sees text outside the page content: the topic's title is there (Info, XMP), as a leak would be.
      expect(contains(bytes, 'Taking warfarin safely'), 'the scan can see metadata').toBe(true);
      expect(leaksIn(bytes), `${rel}, outside the page content`).toEqual([]);
      const meta = spawnSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' }).stdout;
      expect(meta).toContain('Taking warfarin safely');
      expect(leaksIn(Buffer.from(meta)), `${rel}: metadata`).toEqual([]);
      // And the values are on the page, where they belong.
      const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      const held = rel === 'all.pdf' ? [1, 2, 3] : rel === 'one.pdf' ? [1] : [Number(/(\d)\.pdf$/.exec(rel)?.[1] ?? 2)];
      for (const i of held) for (const m of shown(i)) expect(text, `${rel}: ${m}`).toContain(m);
      expect(
        everyMarker.filter((m) => m.startsWith('ZqxRoom') && text.includes(m)),
        'a field the template does not show',
      ).toEqual([]);
    }
    // Two patients' handouts of the same topic get the same document ID: it derives from no personal value.
    const id = (pdf: string) => /\/ID\s*\[\s*<([0-9a-f]+)>/i.exec(readFileSync(pdf, 'latin1'))?.[1];
    expect(id(join(dir, 'each/warfarin-patient-1.pdf'))).toBe(id(join(dir, 'each/warfarin-patient-3.pdf')));
  }, 240_000);
});
