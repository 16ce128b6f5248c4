import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qpdfCheck, structElements } from '../helpers/pdf.js';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';
import { snapshot } from '../helpers/tree.js';

// `deckhand print` as a clinician runs it: real PDFs read back with poppler and qpdf.

const pageText = (pdf: string, page: number) =>
  spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
const pageCount = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
const flat = (s: string) => s.replace(/\s+/g, ' ');

const ONE = `patient: Ana Garcia
clinician: Dr. Lee
date: 2026-12-24
instructions:
  - Take **one** 5 mg tablet each evening
  - "Blood test on Monday: see [the portal](https://example.org/p/123) for \$ costs"
followUp: 2027-01-07
phone: 555-0100
`;

describe('deckhand print', () => {
  it('one record → ./<slug>-<audience>.pdf with the personal block and box on page 1, tagged and valid', async () => {
    const dir = project('print', { 'visit.yaml': ONE });
    const r = await runDeckhand(['print', 'warfarin', '-a', 'patient', '--data', 'visit.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    const pdf = join(dir, 'warfarin-patient.pdf');
    expect(qpdfCheck(pdf)).toBe(0);
    const p1 = flat(pageText(pdf, 1));
    expect(p1).toContain('Prepared for Ana Garcia by Dr. Lee on December 24, 2026');
    expect(p1).toContain('Your instructions');
    expect(p1).toContain('Take one 5 mg tablet each evening');
    // Links and math are not made from personal text: the words are printed as written.
    expect(p1).toContain('see [the portal](https://example.org/p/123) for $ costs');
    expect(p1).toContain('Next appointment: January 7, 2027');
    expect(p1).toContain('Questions? Call 555-0100');
    expect(p1.indexOf('Your instructions')).toBeLessThan(p1.indexOf('The main message'));
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Taking warfarin safely/);
    expect(spawnSync('qpdf', ['--show-npages', pdf]).status).toBe(0);
    const annotations = spawnSync('qpdf', ['--json', '--json-key=pages', pdf], { encoding: 'utf8' }).stdout;
    expect(annotations).not.toContain('example.org/p/123');
    // Nothing but the PDF: no output folder, manifest or cache.
    expect(existsSync(join(dir, 'output'))).toBe(false);
    expect(r.stderr).toContain('written    warfarin-patient.pdf');
    expect(r.stderr).not.toContain('Ana');
  });

  it('a record without personal fields prints the plain handout; none of the block is invented', async () => {
    const dir = project('print', { 'v.json': JSON.stringify([{ instructions: 'Rest today.\n\nCall if worse.' }]) });
    const r = await runDeckhand(['print', 'content/warfarin.yaml', '-a', 'patient', '--data', 'v.json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const p1 = flat(pageText(join(dir, 'warfarin-patient.pdf'), 1));
    expect(p1).not.toContain('Prepared');
    expect(p1).toContain('Your instructions Rest today. Call if worse.');
  });

  it('a CSV of several records → one PDF each in -o dir, named by "file" or the record number', async () => {
    const csv =
      'patient,clinician,date,file\nAna,Dr. Lee,2026-12-24,\nBo,Dr. Lee,2026-12-24,bo-today\nCy,Dr. Lee,2026-12-24,\n';
    const dir = project('print', { 'today.csv': csv });
    const r = await runDeckhand(['print', 'warfarin', '-a', 'patient', '--data', 'today.csv', '-o', 'out'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'bo-today.pdf',
      'warfarin-patient-1.pdf',
      'warfarin-patient-3.pdf',
    ]);
    expect(flat(pageText(join(dir, 'out/bo-today.pdf'), 1))).toContain('Prepared for Bo by Dr. Lee');
    expect(flat(pageText(join(dir, 'out/warfarin-patient-3.pdf'), 1))).toContain('Prepared for Cy by Dr. Lee');
  });

  it(
    '--combine: one PDF, each record starting on an odd page (a blank page after an odd count), page numbers per ' +
      'record',
    async () => {
      const records = ['Ana', 'Bo', 'Cy'].map((p) => ({ patient: p, instructions: ['Rest.'] }));
      const dir = project('print', { 'v.yaml': JSON.stringify(records) });
      const single = project('print', { 'v.yaml': JSON.stringify(records.slice(0, 1)) });
      expect((await runDeckhand(['print', 'warfarin', '-a', 'patient', '--data', 'v.yaml'], single)).code).toBe(0);
      const each = pageCount(join(single, 'warfarin-patient.pdf'));
      const r = await runDeckhand(
        ['print', 'warfarin', '-a', 'patient', '--data', 'v.yaml', '--combine', '-o', 'day.pdf'],
        dir,
      );
      expect(r.code, r.stderr).toBe(0);
      const pdf = join(dir, 'day.pdf');
      expect(qpdfCheck(pdf)).toBe(0);
      const sheet = each % 2 === 1 ? each + 1 : each;
      expect(pageCount(pdf)).toBe(2 * sheet + each);
      ['Ana', 'Bo', 'Cy'].forEach((name, i) => {
        const first = i * sheet + 1;
        expect(first % 2, 'starts on a front side').toBe(1);
        expect(flat(pageText(pdf, first))).toContain(`Prepared for ${name}`);
        expect(flat(pageText(pdf, first))).toContain(`Page 1 of ${each}`);
        if (each % 2 === 1 && i < 2) expect(pageText(pdf, first + each).trim()).toBe('');
      });
      expect(r.stderr).toContain('records 1–3');
      // One Document with a Part per record; blank pages are empty (no content, nothing tagged).
      const types = structElements(pdf).map((e) => e.type);
      expect(types.filter((t) => t === 'Document')).toHaveLength(1);
      expect(types.filter((t) => t === 'Part')).toHaveLength(3);
    },
  );

  it('--data - reads standard input (YAML or CSV told apart by the first line)', async () => {
    const dir = project('print');
    const yaml = await runDeckhand(['print', 'warfarin', '-a', 'patient', '--data', '-', '-o', 'a.pdf'], dir, {}, ONE);
    expect(yaml.code, yaml.stderr).toBe(0);
    expect(flat(pageText(join(dir, 'a.pdf'), 1))).toContain('Prepared for Ana Garcia');
    const csv = await runDeckhand(
      ['print', 'warfarin', '-a', 'patient', '--data', '-', '-o', 'b.pdf'],
      dir,
      {},
      'patient,phone\nBo,555-0199\n',
    );
    expect(csv.code, csv.stderr).toBe(0);
    expect(flat(pageText(join(dir, 'b.pdf'), 1))).toContain('Questions? Call 555-0199');
  });

  it("labels and dates follow the topic's language", async () => {
    const dir = project('print', { 'v.yaml': ONE });
    const r = await runDeckhand(['print', 'sangrado', '-a', 'patient', '--data', 'v.yaml', '--lang', 'es-US'], dir);
    expect(r.code, r.stderr).toBe(0);
    const p1 = flat(pageText(join(dir, 'sangrado-patient.pdf'), 1));
    expect(p1).toContain('Preparado para Ana Garcia por Dr. Lee el 24 de diciembre de 2026');
    expect(p1).toContain('Sus instrucciones');
    expect(p1).toContain('Próxima cita: 7 de enero de 2027');
    expect(p1).toContain('¿Preguntas? Llame al 555-0100');
  });

  it(
    'a project template that does not use visit, or puts it into the PDF title, is refused; ' + 'nothing is written',
    async () => {
      const plain = project('print', {
        'v.yaml': ONE,
        'templates/handout.md.hbs': '---\ntitle: {{yaml title}}\n---\n\nHello\n',
      });
      const before = snapshot(plain);
      const r = await runDeckhand(['print', 'warfarin', '-a', 'patient', '--data', 'v.yaml'], plain);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('does not use "visit"');
      expect(snapshot(plain)).toEqual(before);

      const leaky = project('print', {
        'v.yaml': ONE,
        'templates/handout.md.hbs': '---\ntitle: {{yaml visit.patient}}\n---\n\n# For {{md visit.clinician}}\n',
      });
      const l = await runDeckhand(['print', 'warfarin', '-a', 'patient', '--data', 'v.yaml'], leaky);
      expect(l.code).toBe(1);
      expect(l.stderr).toContain('puts "patient" into the PDF\'s title');
      expect(l.stderr).toContain('puts "clinician" into the PDF\'s a heading');
      expect(l.stderr).not.toMatch(/Ana|Lee/);
      expect(existsSync(join(leaky, 'warfarin-patient.pdf'))).toBe(false);
    },
  );

  it('--json: the files and record numbers, no values', async () => {
    const dir = project('print', { 'v.yaml': ONE });
    const r = await runDeckhand(['print', 'warfarin', '-a', 'patient', '--data', 'v.yaml', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { ok: boolean; records: number; files: { path: string; records: number[] }[] };
    expect(doc).toMatchObject({ ok: true, records: 1, files: [{ path: 'warfarin-patient.pdf', records: [1] }] });
    expect(r.stdout + r.stderr).not.toMatch(/Ana|Lee|555/);
  });

  it('an existing file at the target is replaced; the build still makes handouts without a visit block', async () => {
    const dir = project('print', { 'v.yaml': ONE });
    writeFileSync(join(dir, 'warfarin-patient.pdf'), 'old');
    expect((await runDeckhand(['print', 'warfarin', '-a', 'patient', '--data', 'v.yaml'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'warfarin-patient.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const b = await runDeckhand(['build', '-f', 'handout', '-a', 'patient'], dir);
    expect(b.code, b.stderr).toBe(0);
    const built = flat(pageText(join(dir, 'output/warfarin/patient/handout.pdf'), 1));
    expect(built).not.toContain('Prepared');
    expect(built).not.toContain('Your instructions');
  });

  it('reproducible: with SOURCE_DATE_EPOCH the same data gives byte-identical PDFs, in any folder', async () => {
    const records = JSON.stringify([
      { patient: 'Ana', date: '2026-12-24', instructions: ['Rest.'] },
      { patient: 'Bo', phone: '555-0100' },
    ]);
    const env = { SOURCE_DATE_EPOCH: '1767225600' };
    const make = async () => {
      const dir = project('print', { 'v.json': records });
      const args = ['print', 'warfarin', '-a', 'patient', '--data', 'v.json'];
      expect((await runDeckhand([...args, '-o', 'each'], dir, env)).code).toBe(0);
      expect((await runDeckhand([...args, '--combine', '-o', 'all.pdf'], dir, env)).code).toBe(0);
      return ['each/warfarin-patient-1.pdf', 'each/warfarin-patient-2.pdf', 'all.pdf'].map((f) =>
        readFileSync(join(dir, f)),
      );
    };
    const [a, b] = [await make(), await make()];
    a.forEach((bytes, i) => expect(Buffer.compare(bytes, b[i]!), `file ${i}`).toBe(0));
    expect(Buffer.compare(a[0]!, a[1]!)).not.toBe(0);
    const dir = project('print', { 'v.json': records });
    await runDeckhand(['print', 'warfarin', '-a', 'patient', '--data', 'v.json', '-o', 'x'], dir, env);
    const info = spawnSync('pdfinfo', ['-isodates', join(dir, 'x/warfarin-patient-1.pdf')], {
      encoding: 'utf8',
    }).stdout;
    expect(info).toMatch(/CreationDate:\s+2026-01-01T00:00:00/);
  });

  it(
    'values print as typed (no Markdown of their own); a character no font has is reported by ' + 'field, not shown',
    async () => {
      const hostile = '**Ana** # <b>x</b> [y](https://e.org) $a$';
      const dir = project('print', { 'v.json': JSON.stringify({ patient: hostile, clinician: 'Dr. 李' }) });
      const r = await runDeckhand(['print', 'warfarin', '-a', 'patient', '--data', 'v.json'], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(flat(pageText(join(dir, 'warfarin-patient.pdf'), 1))).toContain(`Prepared for ${hostile} by Dr.`);
      expect(r.stderr).toContain('record 1: "clinician" has a character no font has');
      expect(r.stderr).not.toContain('李');
    },
  );
});
