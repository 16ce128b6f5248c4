import { describe, expect, it } from 'vitest';
import { isFamiliar, stems } from '../../src/lint/familiar.js';

describe('familiar words', () => {
  it('inflected forms of list words are familiar', () => {
    for (const w of [
      'studies',
      'helped',
      'stopped',
      'families',
      'hopefully',
      'usually',
      'unusual',
      'carefully',
      "body's",
      'Doctors',
      'examples',
    ])
      expect(isFamiliar(w), w).toBe(true);
  });
  it('jargon is not, unless defined', () => {
    for (const w of ['physician', 'immunosuppressive', 'mesenchymal', 'nephrologist', 'diabetes'])
      expect(isFamiliar(w), w).toBe(false);
    expect(isFamiliar('nephrologists', new Set(stems('nephrologist')))).toBe(true);
  });
});
