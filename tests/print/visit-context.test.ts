import { describe, expect, it } from 'vitest';
import type { VisitRecord } from '../../src/print/data.js';
import { instructionParts, longDate, visitContext } from '../../src/print/visit-context.js';

const record = (fields: Partial<VisitRecord['fields']>): VisitRecord => ({
  number: 4,
  line: 9,
  file: null,
  fields: { patient: null, clinician: null, date: null, instructions: null, followUp: null, phone: null, ...fields },
});

describe('what templates see as visit', () => {
  it('dates in the language, every absent field null, flags for the block and the box', () => {
    const v = visitContext(record({ patient: 'Ana', date: '2026-12-24', room: 4 }), 'es-US');
    expect(v).toMatchObject({ patient: 'Ana', room: 4, number: 4, dateText: '24 de diciembre de 2026' });
    expect(v).toMatchObject({ clinician: null, followUpText: null, prepared: true, box: false, instructionParts: [] });
    expect(visitContext(record({ phone: '555' }), 'en')).toMatchObject({ prepared: false, box: true });
  });

  it('follow-up text that is not a date is kept as written; an unknown language tag falls back', () => {
    expect(longDate('in two weeks', 'en')).toBe('in two weeks');
    expect(longDate('2027-01-07', 'de')).toBe('7. Januar 2027');
    expect(longDate('2027-01-07', 'not a tag!')).toBe('January 7, 2027');
  });

  it('instructions: items and paragraphs in order; continuation lines join; links and math stay text', () => {
    expect(instructionParts('Start today.\nNo alcohol.\n\n- one\n  more\n* two\n1. three\n\nAfter.')).toEqual([
      { item: false, text: 'Start today. No alcohol.' },
      { item: true, text: 'one more' },
      { item: true, text: 'two' },
      { item: true, text: 'three' },
      { item: false, text: 'After.' },
    ]);
    expect(instructionParts('- see [x](https://e.org) for $5 <b>')).toEqual([
      { item: true, text: 'see \\[x\\](https://e.org) for \\$5 \\<b\\>' },
    ]);
  });
});
