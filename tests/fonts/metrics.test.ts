import { describe, expect, it } from 'vitest';
import { fallbackChain, parseFaceKey } from '../../src/fonts/metrics.js';

describe('fallbackChain', () => {
  it('tries the same style in every family, then nearer styles, then the math font', () => {
    expect(fallbackChain('regular', 2)).toEqual(['regular', 'regular.1', 'math']);
    expect(fallbackChain('bold', 2)).toEqual(['bold', 'bold.1', 'regular', 'regular.1', 'math']);
    expect(fallbackChain('boldItalic', 2)).toEqual([
      'boldItalic',
      'boldItalic.1',
      'bold',
      'bold.1',
      'italic',
      'italic.1',
      'regular',
      'regular.1',
      'math',
    ]);
  });

  it('starts at the face itself, also one of a later family', () => {
    expect(fallbackChain('italic.1', 2)).toEqual(['italic.1', 'italic', 'regular', 'regular.1', 'math']);
    expect(parseFaceKey('italic.1')).toEqual({ role: 'italic', index: 1 });
    expect(parseFaceKey('mono')).toBeNull();
  });

  it('code falls back to the text families, formulas to the regular faces', () => {
    expect(fallbackChain('mono', 2)).toEqual(['mono', 'regular', 'regular.1', 'math']);
    expect(fallbackChain('math', 1)).toEqual(['math', 'regular']);
  });
});
