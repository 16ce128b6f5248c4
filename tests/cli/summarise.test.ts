import { describe, expect, it } from 'vitest';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';
import { summarise } from '../../src/cli/summarise.js';
import type { Diagnostic } from '../../src/errors/diagnostic.js';

const LONG = `${Array.from({ length: 30 }, () => 'cat').join(' ')}.`;
const topic = (n: number) =>
  `title: Many\nsummary: See us soon.\nsections:\n${Array.from(
    { length: n },
    (_, i) => `  - title: S${i}\n    body: ${LONG}\n`,
  ).join('')}`;

describe('many findings of one code are summed up in the terminal', () => {
  it('a 40-section topic: 10 warnings shown, one line for the other 30; --json keeps all 40', async () => {
    const dir = project(undefined, {
      'content/t.yaml': topic(40),
      'deckhand.config.yaml': 'audiences:\n  patient: {readingGrade: 8}\n',
    });
    const r = await runDeckhand(['lint'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/\[DH_LONG_SENTENCE\]/g)).toHaveLength(10);
    expect(r.stderr).toContain(
      'content/t.yaml  warning  … and 30 more DH_LONG_SENTENCE warnings in this file (--json lists every one)',
    );
    expect(r.stderr).toContain('0 errors, 40 warnings');
    const json = JSON.parse((await runDeckhand(['lint', '--json'], dir)).stdout);
    expect(json.diagnostics.filter((d: { code: string }) => d.code === 'DH_LONG_SENTENCE')).toHaveLength(40);
    // --strict: the same findings as errors, summed up the same way.
    const strict = await runDeckhand(['lint', '--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('… and 30 more DH_LONG_SENTENCE errors in this file');
  });

  it('input errors are never summed up; each file and code is counted apart', () => {
    const d = (file: string, code: string, severity: 'error' | 'warning', line: number): Diagnostic => ({
      file,
      code,
      severity,
      line,
      message: 'm',
    });
    const list = [
      ...Array.from({ length: 12 }, (_, i) => d('a.yaml', 'DH_SCHEMA', 'error', i + 1)),
      ...Array.from({ length: 11 }, (_, i) => d('a.yaml', 'DH_UNCOMMON_WORD', 'warning', i + 20)),
      ...Array.from({ length: 10 }, (_, i) => d('b.yaml', 'DH_UNCOMMON_WORD', 'warning', i + 1)),
    ];
    const out = summarise(list);
    expect(out.filter((x) => typeof x !== 'string' && x.code === 'DH_SCHEMA')).toHaveLength(12);
    expect(out.filter((x) => typeof x === 'string')).toEqual([
      'a.yaml  warning  … and 1 more DH_UNCOMMON_WORD warning in this file (--json lists every one)',
    ]);
    // The summary line follows the file's last diagnostic, before the next file's.
    expect(out.indexOf(out.find((x) => typeof x === 'string')!)).toBe(12 + 10);
  });
});
