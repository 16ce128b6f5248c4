import { describe, expect, it } from 'vitest';
import { parseVisitData } from '../../src/print/data.js';

const SECRET = 'Zqxmarker';

describe('personal data records', () => {
  it('YAML: a list of records; known fields typed, instructions as a list become a Markdown list', () => {
    const { records, diagnostics } = parseVisitData(
      `- patient: Ana ${SECRET}\n  date: 2026-12-24\n  instructions: [Take one tablet, Drink water]\n  room: 4\n- ` +
        `patient: Bo\n  file: bo-visit\n`,
      'yaml',
      '/d/data.yaml',
    );
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => [r.number, r.line, r.file])).toEqual([
      [1, 1, null],
      [2, 5, 'bo-visit'],
    ]);
    expect(records[0]!.fields).toMatchObject({ patient: `Ana ${SECRET}`, date: '2026-12-24', room: 4 });
    expect(records[0]!.fields.instructions).toBe('- Take one tablet\n- Drink water');
  });

  it('one map is one record; CSV rows are records with their line numbers', () => {
    expect(parseVisitData('patient: A\n', 'yaml', 'x').records).toHaveLength(1);
    const csv = parseVisitData('patient,date,file\nA,2026-01-02,a\n"B, Jr",2026-01-03,b\n', 'csv', '/d/x.csv');
    expect(csv.diagnostics).toEqual([]);
    expect(csv.records.map((r) => [r.line, r.fields.patient])).toEqual([
      [2, 'A'],
      [3, 'B, Jr'],
    ]);
  });

  it('problems name the record and the field, never the value', () => {
    const { diagnostics } = parseVisitData(
      `- {patient: ${SECRET}, date: 12/24/${SECRET}}\n- {file: ../${SECRET}}\n- {file: same}\n- {file: SAME}\n- ` +
        `{notes: [${SECRET}]}\n`,
      'yaml',
      '/d/data.yaml',
    );
    const text = JSON.stringify(diagnostics);
    expect(text).not.toContain(SECRET);
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, 'record 1: "date" must be a date written YYYY-MM-DD'],
      [2, 'record 2: "file" is not a plain file name'],
      [5, 'record 5: "notes" must be text, a number or true/false, not a list or map'],
      [4, 'record 4: "file" names the same file as record 3'],
    ]);
    for (const d of diagnostics)
      expect(d).toMatchObject({ code: 'DH_DATA', file: '/d/data.yaml', hint: expect.any(String) });
  });

  it('a CSV that does not parse: its line, no value; no records at all is an error', () => {
    const bad = parseVisitData(`patient,date\n"${SECRET},2026-01-01\n`, 'csv', 'x.csv');
    expect(bad.diagnostics).toHaveLength(1);
    expect(bad.diagnostics[0]!.message).toMatch(/^line \d+ opens a quote that is never closed$/);
    expect(JSON.stringify(bad)).not.toContain(SECRET);
    expect(parseVisitData('patient,date\n', 'csv', 'x.csv').diagnostics[0]!.message).toBe('the data has no records');
    expect(parseVisitData('[]', 'json', 'x.json').diagnostics[0]!.message).toBe('the data has no records');
    const ragged = parseVisitData(`a,b\n1,2,${SECRET}\n`, 'csv', 'x.csv');
    expect(ragged.diagnostics[0]!.message).toBe('line 2 has a different number of fields than the header');
    expect(JSON.stringify(ragged)).not.toContain(SECRET);
  });
});
