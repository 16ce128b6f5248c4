import { describe, expect, it } from 'vitest';
import { displayDiagnostic, displayPath, usageText } from '../../src/cli/display.js';
import { error, UsageError } from '../../src/errors/diagnostic.js';

const CWD = '/home/me/project';

describe('displayPath', () => {
  it('relative inside the working directory, absolute outside it', () => {
    expect(displayPath('/home/me/project/content/a.yaml', CWD)).toBe('content/a.yaml');
    expect(displayPath('/home/me/other/a.yaml', CWD)).toBe('/home/me/other/a.yaml');
    expect(displayPath('/home/me/project-2/a.yaml', CWD)).toBe('/home/me/project-2/a.yaml');
    expect(displayPath('/etc/passwd', CWD)).toBe('/etc/passwd');
  });

  it('the working directory itself stays absolute; a trailing slash on it does not matter', () => {
    expect(displayPath(CWD, CWD)).toBe(CWD);
    expect(displayPath('/home/me/project/out', `${CWD}/`)).toBe('out');
  });

  it('a folder whose name starts with two dots is still inside', () => {
    expect(displayPath('/home/me/project/..cache/x', CWD)).toBe('..cache/x');
  });
});

describe('displayDiagnostic', () => {
  it('shortens paths under the working directory in the file, message and hint', () => {
    const d = error('DH_TOPIC_NAME', `topic "t" is defined twice (also in ${CWD}/content/t.yaml)`, {
      file: `${CWD}/content/sub/t.json`,
      line: 2,
      col: 3,
      hint: `rename ${CWD}/content/sub/t.json or /elsewhere/t.yaml`,
    });
    expect(displayDiagnostic(d, CWD)).toEqual({
      severity: 'error',
      code: 'DH_TOPIC_NAME',
      message: 'topic "t" is defined twice (also in content/t.yaml)',
      file: 'content/sub/t.json',
      line: 2,
      col: 3,
      hint: 'rename content/sub/t.json or /elsewhere/t.yaml',
    });
  });

  it('leaves a path that only starts like the working directory alone', () => {
    const d = error('DH_X', `see ${CWD}-old/a and ${CWD}`, { file: `${CWD}-old/a` });
    expect(displayDiagnostic(d, CWD)).toMatchObject({ message: `see ${CWD}-old/a and ${CWD}`, file: `${CWD}-old/a` });
  });

  it('a hint about an option ends naming its flag; the option itself is not shown', () => {
    const out = error('DH_OUTPUT', 'cannot write', { hint: 'pick another output folder', option: 'out' });
    expect(displayDiagnostic(out, CWD)).toEqual({
      severity: 'error',
      code: 'DH_OUTPUT',
      message: 'cannot write',
      hint: 'pick another output folder with -o',
    });
    const config = error('DH_CONFIG', 'config file not found', { hint: 'give the right path', option: 'config' });
    expect(displayDiagnostic(config, CWD).hint).toBe('give the right path to -c/--config');
    // An option without a hint ending, or no hint at all: nothing added.
    expect(displayDiagnostic(error('DH_X', 'm', { hint: 'h', option: 'jobs' }), CWD).hint).toBe('h');
    expect(displayDiagnostic(error('DH_X', 'm', { option: 'out' }), CWD)).not.toHaveProperty('hint');
  });

  it('does not change the diagnostic it is given', () => {
    const d = error('DH_X', `in ${CWD}/a`, { file: `${CWD}/a`, option: 'out', hint: 'h' });
    const copy = structuredClone(d);
    displayDiagnostic(d, CWD);
    expect(d).toEqual(copy);
  });
});

describe('usageText', () => {
  it('puts the flag in place of the option’s name', () => {
    expect(usageText(new UsageError('must be a whole number ≥ 1, got "0"', 'jobs'), CWD)).toBe(
      '--jobs must be a whole number ≥ 1, got "0"',
    );
    expect(usageText(new UsageError('must be i/n, got "x"', 'shard'), CWD)).toBe('--shard must be i/n, got "x"');
    expect(usageText(new UsageError('is taken', 'port'), CWD)).toBe('--port is taken');
  });

  it('an option without a flag keeps its name; a message without an option stays as it is', () => {
    expect(usageText(new UsageError('is odd', 'other'), CWD)).toBe('other is odd');
    expect(usageText(new UsageError('unknown format "x"'), CWD)).toBe('unknown format "x"');
  });

  it('shortens paths under the working directory', () => {
    expect(usageText(new UsageError(`cannot init into ${CWD}/notes.txt: a file`), CWD)).toBe(
      'cannot init into notes.txt: a file',
    );
  });
});
