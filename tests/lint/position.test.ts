import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/yaml-source.js';
import { locateIn } from '../../src/lint/position.js';

const TEXT = `title: T
sections:
  - title: S
    body:
      patient: >-
        First line here. The second
        **sentence** is long.
      default: The second sentence elsewhere.
    points:
      - One point.
      - Another point with a sentence.
`;

describe('locateIn', () => {
  const source = parseSource(TEXT, 't.yaml').source!;
  it('finds a sentence inside a folded block, across markup and line breaks', () => {
    expect(locateIn(source, ['sections', 0, 'body', 'patient'], 'value', 'The second sentence is long.')).toEqual({
      line: 6,
      col: 26,
    });
  });
  it('stays inside the field: text only in the next variant or item is not found there', () => {
    expect(locateIn(source, ['sections', 0, 'body', 'patient'], 'value', 'The second sentence elsewhere.')).toEqual(
      source.locate(['sections', 0, 'body', 'patient']),
    );
    expect(locateIn(source, ['sections', 0, 'points', 0], 'value', 'Another point')).toEqual({ line: 10, col: 9 });
    expect(locateIn(source, ['sections', 0, 'points', 1], 'value', 'a sentence')).toEqual({ line: 11, col: 28 });
  });
  it('falls back to the field when there is nothing to find', () => {
    expect(locateIn(source, ['sections', 0, 'title'], 'value', undefined)).toEqual({ line: 3, col: 12 });
  });
});
