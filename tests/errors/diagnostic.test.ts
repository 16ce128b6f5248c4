import { describe, expect, it } from 'vitest';
import {
  error,
  formatDiagnostic,
  formatLocation,
  hasErrors,
  sortDiagnostics,
  UsageError,
  warning,
} from '../../src/errors/diagnostic.js';

describe('diagnostics', () => {
  it('path:line:col, the path alone, or <input>', () => {
    expect(formatLocation(error('DH_X', 'm', { file: 'a.yaml', line: 3, col: 7 }))).toBe('a.yaml:3:7');
    expect(formatLocation(error('DH_X', 'm', { file: 'a.yaml', line: 3 }))).toBe('a.yaml:3:1');
    expect(formatLocation(error('DH_X', 'm', { file: 'a.yaml' }))).toBe('a.yaml');
    expect(formatLocation(error('DH_X', 'm'))).toBe('<input>');
  });

  it('one line, and the hint under it', () => {
    const d = warning('DH_LONG_SENTENCE', 'a long sentence', { file: 'a.yaml', line: 2, col: 5, hint: 'split it' });
    expect(formatDiagnostic(d)).toBe('a.yaml:2:5  warning  a long sentence  [DH_LONG_SENTENCE]\n    hint: split it');
    expect(formatDiagnostic(error('DH_X', 'm'))).toBe('<input>  error  m  [DH_X]');
  });

  it('sorted by file, then line and column, so a report reads top to bottom', () => {
    const list = [
      error('DH_X', 'b-2', { file: 'b.yaml', line: 2 }),
      warning('DH_X', 'a-10', { file: 'a.yaml', line: 10, col: 1 }),
      error('DH_X', 'a-2-9', { file: 'a.yaml', line: 2, col: 9 }),
      error('DH_X', 'a-2-3', { file: 'a.yaml', line: 2, col: 3 }),
      error('DH_X', 'none'),
    ];
    expect(sortDiagnostics(list).map((d) => d.message)).toEqual(['none', 'a-2-3', 'a-2-9', 'a-10', 'b-2']);
    expect(list[0]!.message).toBe('b-2'); // a sorted copy
  });

  it('hasErrors: warnings alone are not', () => {
    expect(hasErrors([warning('DH_X', 'w')])).toBe(false);
    expect(hasErrors([warning('DH_X', 'w'), error('DH_X', 'e')])).toBe(true);
    expect(hasErrors([])).toBe(false);
  });

  it('a usage error about an option starts with its name; detail is the rest', () => {
    const e = new UsageError('must be a whole number ≥ 1, got "0"', 'jobs');
    expect([e.message, e.detail, e.option, e.code, e.name]).toEqual([
      'jobs must be a whole number ≥ 1, got "0"',
      'must be a whole number ≥ 1, got "0"',
      'jobs',
      'DH_USAGE',
      'UsageError',
    ]);
    const plain = new UsageError('unknown format "x"');
    expect([plain.message, plain.detail, plain.option]).toEqual([
      'unknown format "x"',
      'unknown format "x"',
      undefined,
    ]);
  });
});
