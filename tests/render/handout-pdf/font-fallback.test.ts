import { describe, expect, it } from 'vitest';
import { withFallbacks, type Run } from '../../../src/render/handout-pdf/line-break.js';
import { fakeMetrics } from '../../helpers/fake-metrics.js';

const run = (text: string, font: Run['font'] = 'regular'): Run => ({ text, font, size: 10, color: '#000' });
const split = (runs: Run[], metrics = chain) => {
  const missing = new Map<string, number>();
  const out = withFallbacks(runs, metrics, missing);
  return { runs: out.map((r) => [r.text, r.font]), missing: Object.fromEntries(missing) };
};

// A chain of two families, as [Atkinson Hyperlegible, DejaVu Sans]: the first lacks arrows and Greek in
// every face; the second lacks Greek too (only "math" has it here); no font has 🚀.
const chain = fakeMetrics(
  '🚀',
  { regular: '→β', bold: '→β', italic: '→β', boldItalic: '→β', 'regular.1': 'β', 'bold.1': 'β' },
  2,
);

describe('the fallback chain per glyph (withFallbacks)', () => {
  it('gives a character the first family lacks to the next one, and goes back after it', () => {
    expect(split([run('INR 2 → 3')]).runs).toEqual([
      ['INR 2 ', 'regular'],
      ['→', 'regular.1'],
      [' 3', 'regular'],
    ]);
  });

  it('keeps the style: a bold arrow comes from the next family’s bold face', () => {
    expect(split([run('Stop → call', 'bold')]).runs).toEqual([
      ['Stop ', 'bold'],
      ['→', 'bold.1'],
      [' call', 'bold'],
    ]);
    expect(split([run('a→', 'boldItalic')]).runs).toEqual([
      ['a', 'boldItalic'],
      ['→', 'boldItalic.1'],
    ]);
  });

  it('falls through to the math font when no text family has it, and only then counts it missing', () => {
    const r = split([run('β→🚀 ok')]);
    expect(r.runs).toEqual([
      ['β', 'math'],
      ['→', 'regular.1'],
      ['🚀 ok', 'regular'],
    ]);
    expect(r.missing).toEqual({ '🚀': 1 });
  });

  it('reports nothing missing when the chain has every character', () => {
    expect(split([run('Take 5 mg → INR 2–3')]).missing).toEqual({});
  });

  it('with one family the arrow it lacks is missing (the chain decides, not a fixed font)', () => {
    const alone = fakeMetrics('🚀', { regular: '→', math: '→' }, 1);
    const r = split([run('a → b')], alone);
    expect(r.runs).toEqual([['a → b', 'regular']]);
    expect(r.missing).toEqual({ '→': 1 });
  });

  it('leaves breaks, formulas and invisible joiners alone', () => {
    const out = withFallbacks([run('a\u200D→'), { ...run(''), break: true }], chain, new Map());
    expect(out.map((r) => [r.text, r.font, r.break ?? false])).toEqual([
      ['a', 'regular', false],
      ['→', 'regular.1', false],
      ['', 'regular', true],
    ]);
  });
});
