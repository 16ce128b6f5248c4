import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseSource, type DataPath } from '../../src/source/yaml-source.js';
import { issuesToDiagnostics, label } from '../../src/source/zod-diagnostics.js';

const Schema = z.strictObject({
  title: z.union([z.string(), z.record(z.string(), z.string())]),
  kind: z.enum(['a', 'b']).optional(),
  fontSize: z.number().min(6).max(32).optional(),
  paginate: z.boolean().optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be written YYYY-MM-DD')
    .refine((s) => s !== '2026-02-30', 'must be a real date')
    .optional(),
  name: z.string().min(1).optional(),
  sections: z.array(z.strictObject({ title: z.string(), points: z.array(z.string()).min(2).optional() })).min(1),
  audiences: z.record(z.string().regex(/^[a-z]+$/, 'must be lower-case letters'), z.number()).optional(),
});
const keysAt = (path: DataPath) =>
  path.length === 0 ? Object.keys(Schema.shape) : path[0] === 'sections' ? ['title', 'points'] : [];

/** [code, line, col, message, hint] of each diagnostic for a YAML text. */
function diagnose(text: string) {
  const { source } = parseSource(text, '/p/t.yaml');
  const result = Schema.safeParse(source!.data);
  if (result.success) return [];
  return issuesToDiagnostics(result.error.issues, source!, keysAt, 'DEFAULT HINT').map((d) => {
    expect(d.file).toBe('/p/t.yaml');
    expect(d.severity).toBe('error');
    return [d.code, d.line, d.col, d.message, d.hint];
  });
}
const TEXT_HINT = 'text is a string, or a map from audience name to string (with an optional "default")';
const SECTIONS_HINT = 'sections is a list of maps, each with at least a title';
const POINTS_HINT = 'each point is text or {text: ..., audience: [...]}';

describe('issuesToDiagnostics: one message per issue code', () => {
  it('required values, and too few items', () => {
    expect(diagnose('sections: []\n')).toEqual([
      ['DH_SCHEMA', 1, 1, '"title" is required', TEXT_HINT],
      ['DH_SCHEMA', 1, 11, '"sections" needs at least 1 item', SECTIONS_HINT],
    ]);
  });

  it('wrong types name what was expected and what was found, at the value', () => {
    expect(diagnose('title: T\npaginate: "yes"\nsections: {a: 1}\n')).toEqual([
      ['DH_SCHEMA', 2, 11, '"paginate" must be true or false, got the text "yes"', 'write true or false (no quotes)'],
      ['DH_SCHEMA', 3, 11, '"sections" must be a list, got a map', SECTIONS_HINT],
    ]);
    expect(diagnose('title: T\nsections:\n  - title:\n')).toEqual([
      ['DH_SCHEMA', 3, 5, '"sections[0].title" must be text, got null (an empty value)', TEXT_HINT],
    ]);
  });

  it('unions list each branch’s type; long text is cut short', () => {
    expect(diagnose('title: [a]\nsections:\n  - title: S\n')).toEqual([
      ['DH_SCHEMA', 1, 8, '"title" must be text or a map from audience to text, got a list', TEXT_HINT],
    ]);
    expect(diagnose('title: T\nkind: ' + 'y'.repeat(40) + '\nsections:\n  - title: S\n')[0]![3]).toBe(
      `"kind" must be one of "a", "b", got the text "${'y'.repeat(30)}…"`,
    );
  });

  it('enums, bounds, empty text and too few items', () => {
    const text = 'title: T\nkind: c\nfontSize: 40\nname: ""\nsections:\n  - {title: S, points: [x]}\n';
    expect(diagnose(text)).toEqual([
      ['DH_SCHEMA', 2, 7, '"kind" must be one of "a", "b", got the text "c"', 'use one of the values listed'],
      ['DH_SCHEMA', 3, 11, '"fontSize" must be at most 32, got number 40', 'a size in points between 6 and 32'],
      ['DH_SCHEMA', 4, 7, '"name" must not be empty', 'DEFAULT HINT'],
      ['DH_SCHEMA', 6, 24, '"sections[0].points" needs at least 2 items', POINTS_HINT],
    ]);
    expect(diagnose('title: T\nfontSize: 5.5\nsections:\n  - title: S\n')[0]![3]).toBe(
      '"fontSize" must be at least 6, got number 5.5',
    );
  });

  it('custom and format messages follow the field name', () => {
    expect(diagnose('title: T\ndate: 26-1-1\nsections:\n  - title: S\n')).toEqual([
      [
        'DH_SCHEMA',
        2,
        7,
        '"date" must be written YYYY-MM-DD, got the text "26-1-1"',
        'write the date as YYYY-MM-DD, e.g. 2026-11-24',
      ],
    ]);
    expect(diagnose('title: T\ndate: 2026-02-30\nsections:\n  - title: S\n')[0]![3]).toBe(
      '"date" must be a real date, got the text "2026-02-30"',
    );
  });

  it('a map key that breaks a rule is reported at the key', () => {
    expect(diagnose('title: T\naudiences: {Bad: 1}\nsections:\n  - title: S\n')).toEqual([
      ['DH_SCHEMA', 2, 13, 'key "Bad" in "audiences" must be lower-case letters', 'DEFAULT HINT'],
    ]);
  });
});

describe('unknown keys', () => {
  // A misspelt "title" is not also reported as a missing one: "did you mean" says it.
  it('one diagnostic per key, at the key, with did-you-mean and the keys allowed there', () => {
    const text = 'titel: T\nsections:\n  - {title: S, pionts: [a, b], colour: red}\n';
    expect(diagnose(text)).toEqual([
      [
        'DH_UNKNOWN_KEY',
        3,
        16,
        'unknown key "pionts" in "sections[0]" — did you mean "points"?',
        'allowed here: title, points',
      ],
      ['DH_UNKNOWN_KEY', 3, 32, 'unknown key "colour" in "sections[0]"', 'allowed here: title, points'],
      [
        'DH_UNKNOWN_KEY',
        1,
        1,
        'unknown key "titel" — did you mean "title"?',
        'allowed here: title, kind, fontSize, paginate, date, name, sections, audiences',
      ],
    ]);
  });

  it('where no keys are known, the hint says to remove or respell it', () => {
    const { source } = parseSource('a: {b: 1}\n', '/p/t.yaml');
    const result = z.strictObject({ a: z.strictObject({}) }).safeParse(source!.data);
    const [d] = issuesToDiagnostics(result.error!.issues, source!, () => [], 'x');
    expect(d).toMatchObject({ code: 'DH_UNKNOWN_KEY', message: 'unknown key "b" in "a"', line: 1, col: 5 });
    expect(d!.hint).toBe('remove the key, or check its spelling');
  });
});

describe('one problem per value', () => {
  it('a value failing two rules is one diagnostic (the first)', () => {
    const { source } = parseSource('n: 3\n', '/p/t.yaml');
    const result = z
      .object({
        n: z
          .number()
          .min(5)
          .refine((n) => n % 2 === 0, 'must be even'),
      })
      .safeParse(source!.data);
    expect(result.error!.issues.length).toBe(2);
    const list = issuesToDiagnostics(result.error!.issues, source!, () => [], 'x');
    expect(list.map((d) => d.message)).toEqual(['"n" must be at least 5, got number 3']);
  });
});

describe('label', () => {
  it('writes paths as a reader would', () => {
    expect(label([])).toBe('(top level)');
    expect(label(['title'])).toBe('title');
    expect(label(['sections', 0, 'points', 2])).toBe('sections[0].points[2]');
    expect(label(['audiences', 'patient', 'fontSize'])).toBe('audiences.patient.fontSize');
  });
});

describe('a flow map split by a comma', () => {
  it('says to quote the text, with the map as it was meant; a key written "b:" is an ordinary unknown key', () => {
    const split = diagnose('titel: T\nsections:\n  - {title: a, b, audience: [x]}\n');
    expect(split[0]).toEqual([
      'DH_UNKNOWN_KEY',
      3,
      16,
      'unknown key "b" in "sections[0]": the comma before it ended the text',
      'a comma inside {…} separates keys: put the text in quotes, e.g. {title: "a, b", audience: [x]}',
    ]);
    const empty = diagnose('titel: T\nsections:\n  - {title: a, b: , audience: [x]}\n');
    expect(empty[0]![3]).toBe('unknown key "b" in "sections[0]"');
  });
});
