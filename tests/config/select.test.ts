import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { selectAudiences } from '../../src/config/select.js';
import { UsageError } from '../../src/errors/diagnostic.js';

const audiences = resolveConfig({}, '/p').audiences;

describe('selectAudiences', () => {
  it('undefined (every audience) when none are asked for', () => {
    expect(selectAudiences(undefined, audiences)).toBeUndefined();
    expect(selectAudiences([], audiences)).toBeUndefined();
  });

  it('comma-separated or repeated, trimmed, in the order asked', () => {
    expect(selectAudiences(['student, patient', 'clinician'], audiences)).toEqual(['student', 'patient', 'clinician']);
    expect(selectAudiences(['patient,', ' ,student'], audiences)).toEqual(['patient', 'student']);
  });

  it('an unknown name is a usage error with a suggestion and the configured names', () => {
    const call = () => selectAudiences(['patient,studnet'], audiences);
    expect(call).toThrow(UsageError);
    expect(call).toThrow(
      'unknown audience "studnet" — did you mean "student"? (configured: patient, student, clinician)',
    );
    expect(() => selectAudiences(['xyz'], audiences)).toThrow(
      /^unknown audience "xyz" \(configured: patient, student, clinician\)$/,
    );
  });

  it('checks against the configured audiences, not the defaults', () => {
    const own = resolveConfig({ audiences: { lay: {}, expert: {} } }, '/p').audiences;
    expect(selectAudiences(['lay'], own)).toEqual(['lay']);
    expect(() => selectAudiences(['patient'], own)).toThrow('(configured: lay, expert)');
  });
});
