import { describe, expect, it } from 'vitest';
import { buildDate, sourceDateEpoch } from '../../src/build/date.js';
import { UsageError } from '../../src/errors/diagnostic.js';

describe('sourceDateEpoch', () => {
  it('seconds since 1970 as a date; unset or empty is undefined', () => {
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '1764547200' })?.toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: ' 0 ' })?.toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(sourceDateEpoch({})).toBeUndefined();
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '' })).toBeUndefined();
  });

  it.each(['-1', '1.5', '1e9', 'now', '2026-01-01', '1234567890123'])('"%s" is a usage error', (raw) => {
    expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: raw })).toThrow(UsageError);
    expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: raw })).toThrow(
      `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, got "${raw}"`,
    );
  });
});

describe('buildDate', () => {
  it('SOURCE_DATE_EPOCH when set, whatever the time', () => {
    const now = () => new Date('2030-01-01T00:00:00.999Z');
    expect(buildDate({ SOURCE_DATE_EPOCH: '86400' }, now).toISOString()).toBe('1970-01-02T00:00:00.000Z');
  });

  it('else now, in whole seconds like the epoch', () => {
    expect(buildDate({}, () => new Date('2026-05-06T07:08:09.987Z')).toISOString()).toBe('2026-05-06T07:08:09.000Z');
  });
});
