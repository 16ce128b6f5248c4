import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VisitRecord } from '../../src/print/data.js';
import { planTargets } from '../../src/print/targets.js';

const rec = (number: number, file: string | null = null): VisitRecord => ({
  number,
  line: number + 1,
  file,
  fields: { patient: 'x', clinician: null, date: null, instructions: null, followUp: null, phone: null },
});
const cwd = mkdtempSync(join(tmpdir(), 'deckhand-targets-'));
const plan = (records: VisitRecord[], out?: string, combine = false) =>
  planTargets(records, { ...(out ? { out } : {}), combine, cwd, stem: 'warfarin-patient' });

describe('where print writes', () => {
  it('one record: ./<slug>-<audience>.pdf, -o x.pdf, or its file name inside an -o folder', () => {
    expect(plan([rec(1)]).targets.map((t) => t.path)).toEqual([join(cwd, 'warfarin-patient.pdf')]);
    expect(plan([rec(1)], 'a/b.PDF').targets[0]!.path).toBe(join(cwd, 'a/b.PDF'));
    expect(plan([rec(1, 'mine')], 'day').targets[0]!.path).toBe(join(cwd, 'day/mine.pdf'));
  });

  it('several: numbered to sort in order, or by file; --combine: one file with every record', () => {
    const many = Array.from({ length: 10 }, (_, i) => rec(i + 1, i === 4 ? 'five' : null));
    const paths = plan(many, 'day').targets.map((t) => t.path.slice(cwd.length + 1));
    expect(paths.slice(0, 5)).toEqual([
      'day/warfarin-patient-01.pdf',
      'day/warfarin-patient-02.pdf',
      'day/warfarin-patient-03.pdf',
      'day/warfarin-patient-04.pdf',
      'day/five.pdf',
    ]);
    const combined = plan(many, undefined, true).targets;
    expect(combined).toHaveLength(1);
    expect(combined[0]!.records.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('refuses several records into one .pdf or nowhere, names that collide, and paths blocked by files', () => {
    expect(plan([rec(1), rec(2)]).diagnostics[0]!.message).toContain('2 records');
    expect(plan([rec(1), rec(2)], 'x.pdf').diagnostics[0]!.code).toBe('DH_OUTPUT');
    const clash = plan([rec(1, 'Warfarin-Patient-2'), rec(2)], 'day').diagnostics;
    expect(clash.map((d) => d.message)).toEqual(["record 2: its file name is the same as record 1's"]);
    mkdirSync(join(cwd, 'blocked'), { recursive: true });
    writeFileSync(join(cwd, 'blocked/file'), '');
    expect(plan([rec(1)], 'blocked/file/x.pdf').diagnostics[0]!.message).toContain('is a file, not a folder');
    mkdirSync(join(cwd, 'folder.pdf'));
    expect(plan([rec(1)], 'folder.pdf').diagnostics[0]!.message).toContain('a folder of that name is in the way');
  });
});
