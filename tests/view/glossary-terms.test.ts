import { describe, expect, it } from 'vitest';
import { termMatcher, wordForms } from '../../src/view/glossary-terms.js';

// Basic matching is in glossary.test.ts; these are the rules at the edges.
const hits = (terms: string[], text: string) =>
  termMatcher(terms)(text).map((m) => [m.entry, text.slice(m.start, m.end)]);

describe('wordForms', () => {
  it('plurals by the simple English rules, and back', () => {
    expect(wordForms('Box')).toEqual(['box', 'boxes']);
    expect(wordForms('patch')).toEqual(['patch', 'patches']);
    expect(wordForms('day')).toEqual(['day', 'days']);
    expect(wordForms('boxes')).toEqual(['boxes', 'boxeses', 'box']);
  });
});

describe('termMatcher', () => {
  it('names each match by the entry’s index as given, though longer terms are tried first', () => {
    expect(hits(['cells', 'stem cells', 'cell therapy'], 'stem cells, cell therapy, cells')).toEqual([
      [1, 'stem cells'],
      [2, 'cell therapy'],
      [0, 'cells'],
    ]);
  });

  it('no terms, or blank ones, match nothing', () => {
    expect(termMatcher([])('anything')).toEqual([]);
    expect(hits(['', '  ', 'lupus'], 'lupus and  ')).toEqual([[2, 'lupus']]);
  });

  it('terms are text, not patterns', () => {
    expect(hits(['C++', 'B12 (cobalamin)', 'a.b'], 'Take C++ and B12 (cobalamin); not axb or B12 cobalamin.')).toEqual([
      [0, 'C++'],
      [1, 'B12 (cobalamin)'],
    ]);
  });

  it('the words of a term may be split by any whitespace, only the last word takes a plural', () => {
    expect(hits(['blood vessel'], 'blood\n  vessels, bloods vessel')).toEqual([[0, 'blood\n  vessels']]);
  });

  it('whole words only, in any script, and never part of a hyphenated word', () => {
    expect(hits(['café'], 'cafés, le café, cafébar')).toEqual([
      [0, 'cafés'],
      [0, 'café'],
    ]);
    expect(hits(['stem cells'], 'non-stem cells, stem cells-based, stem cells.')).toEqual([[0, 'stem cells']]);
    expect(hits(['stem cells'], 'stem cells- and stem cells -x')).toEqual([
      [0, 'stem cells'],
      [0, 'stem cells'],
    ]);
  });

  it('one matcher serves many texts', () => {
    const find = termMatcher(['lupus']);
    expect(find('lupus').length).toBe(1);
    expect(find('Lupus, lupus').length).toBe(2);
    expect(find('none').length).toBe(0);
  });
});
