import { describe, expect, it } from 'vitest';
import { hyphenatorFor, patternsFor } from '../../src/typeset/hyphenation.js';

/** The word with a "·" at each split point. */
function marked(lang: string, word: string): string {
  const points = hyphenatorFor(lang)!(word);
  let s = word;
  for (const at of [...points].reverse()) s = `${s.slice(0, at)}·${s.slice(at)}`;
  return s;
}

describe('hyphenation points', () => {
  it('splits English, Spanish, French, German and Portuguese words by their own patterns', () => {
    expect(marked('en', 'hyphenation')).toBe('hy·phen·ation');
    expect(marked('en-US', 'transplantation')).toBe('trans·plan·ta·tion');
    expect(marked('es-US', 'trasplante')).toBe('tras·plante');
    expect(marked('es', 'hematopoyéticas')).toBe('he·ma·to·po·yé·ti·cas');
    expect(marked('fr', 'immunosuppresseur')).toBe('im·mu·no·sup·pres·seur');
    expect(marked('de', 'Stammzelltransplantation')).toBe('Stamm·zell·trans·plan·ta·tion');
    expect(marked('pt-BR', 'transplante')).toBe('trans·plante');
  });

  it('keeps 2 letters before and 3 after a split, and never splits short words', () => {
    expect(marked('en', 'immunity')).toBe('im·mu·nity');
    expect(marked('en', 'daily')).toBe('daily');
    expect(marked('es', 'cabeza')).toBe('ca·beza');
    expect(marked('es', 'enfermedades')).toBe('en·fer·me·da·des');
  });

  it('leaves punctuation with its side and never splits numbers, URLs, acronyms or hyphenated words', () => {
    expect(marked('en', '(transplantation),')).toBe('(trans·plan·ta·tion),');
    for (const w of ['COVID-19', 'iPhone', 'https://example.org/transplantation', 'anti-inflammatory', '1,250,000'])
      expect(marked('en', w)).toBe(w);
    expect(marked('en', 'mail@transplantation.org')).toBe('mail@transplantation.org');
  });

  it('finds patterns by BCP 47 fallback and has none for languages it does not ship', () => {
    expect(patternsFor('en-GB')).toBe('en-gb');
    expect(patternsFor('es-419')).toBe('es');
    expect(patternsFor('de-CH')).toBe('de-ch-1901');
    expect(patternsFor('pt-BR')).toBe('pt');
    expect(patternsFor('ja')).toBeNull();
    expect(hyphenatorFor('zz')).toBeNull();
  });
});
