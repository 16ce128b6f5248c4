import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from '../../src/errors/suggest.js';

const KEYS = ['title', 'subtitle', 'summary', 'sections', 'glossary', 'references', 'alt'];

describe('closest', () => {
  it('the nearest candidate within a third of the word’s length, case-insensitively', () => {
    expect(closest('sumary', KEYS)).toBe('summary');
    expect(closest('Titel', KEYS)).toBe('title');
    expect(closest('SECTINOS', KEYS)).toBe('sections');
    expect(closest('glosary', KEYS)).toBe('glossary');
  });

  it('nothing when every candidate is too far', () => {
    expect(closest('colour', KEYS)).toBeUndefined();
    expect(closest('xyz', KEYS)).toBeUndefined();
    expect(closest('anything', [])).toBeUndefined();
  });

  it('short words allow one edit', () => {
    expect(closest('al', KEYS)).toBe('alt');
    expect(closest('ab', ['alt'])).toBeUndefined();
  });

  it('a known word of three letters or more at the start or end of a longer one', () => {
    expect(closest('alt-text', KEYS)).toBe('alt');
    expect(closest('sectionTitle', KEYS)).toBe('title');
    expect(closest('my-references', KEYS)).toBe('references');
    expect(closest('xid', ['id'])).toBe('id'); // one edit away
    expect(closest('the-idea', ['id'])).toBeUndefined(); // "id" is too short to stand inside another word
  });

  it('the first of equally near candidates, in the order given', () => {
    expect(closest('cat', ['bat', 'cab'])).toBe('bat');
    expect(closest('cat', ['cab', 'bat'])).toBe('cab');
  });
});

describe('didYouMean', () => {
  it('a phrase to append to a message, or nothing', () => {
    expect(didYouMean('studnet', ['patient', 'student'])).toBe(' — did you mean "student"?');
    expect(didYouMean('zzz', ['patient', 'student'])).toBe('');
  });
});
