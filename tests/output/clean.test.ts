import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanOutputs } from '../../src/output/clean.js';
import { filesUnder } from '../helpers/files.js';
import { project } from '../helpers/project.js';

const files = (...paths: string[]) => Object.fromEntries(paths.map((p) => [p, 'x']));

describe('cleanOutputs', () => {
  it('removes the recorded files keep rejects, then the folders left empty', () => {
    const root = project(undefined, {
      ...files('out/old/patient/slides.md', 'out/old/patient/handout.pdf', 'out/t/patient/slides.md'),
      ...files('out/t/student/slides.md', 'out/t/student/slides.pptx'),
    });
    const out = join(root, 'out');
    const recorded = [
      'old/patient/slides.md',
      'old/patient/handout.pdf',
      't/patient/slides.md',
      't/student/slides.md',
      't/student/slides.pptx',
    ];
    const keep = (p: string) => p === 't/patient/slides.md' || p === 't/student/slides.md';
    expect(cleanOutputs(out, recorded, keep)).toEqual([
      'old/patient/handout.pdf',
      'old/patient/slides.md',
      't/student/slides.pptx',
    ]);
    expect(filesUnder(out)).toEqual(['t/patient/slides.md', 't/student/slides.md']);
    expect(existsSync(join(out, 'old'))).toBe(false);
    expect(existsSync(out)).toBe(true);
  });

  it('never touches files it did not record, nor the folders holding them', () => {
    const root = project(undefined, files('out/old/patient/slides.md', 'out/old/patient/notes.txt', 'out/README'));
    const out = join(root, 'out');
    expect(cleanOutputs(out, ['old/patient/slides.md'], () => false)).toEqual(['old/patient/slides.md']);
    expect(filesUnder(out)).toEqual(['README', 'old/patient/notes.txt']);
  });

  it('refuses any path that is not <slug>/<audience>/<file>: nothing outside the folder, nothing hidden', () => {
    const root = project(undefined, {
      ...files('victim.txt', 'out/x/victim.txt', 'out/a/b/c/d.md', 'out/.deckhand/cache.json', 'out/a/.b/c.md'),
      ...files('out/manifest.json', 'out/a/b/.c'),
    });
    const out = join(root, 'out');
    const hostile = [
      '../victim.txt',
      'x/../../victim.txt',
      '../../x/victim.txt',
      '/etc/passwd',
      join(root, 'victim.txt'),
      'a/b/c/d.md',
      'manifest.json',
      '.deckhand/cache.json',
      'a/.b/c.md',
      'a/b/.c',
      'a\\b\\c',
      'a/../b',
      '..\\..\\victim.txt',
      '',
    ];
    expect(cleanOutputs(out, hostile, () => false)).toEqual([]);
    expect(filesUnder(root).sort()).toEqual(
      ['victim.txt', 'out/x/victim.txt', 'out/a/b/c/d.md', 'out/a/.b/c.md', 'out/manifest.json', 'out/a/b/.c'].sort(),
    );
    expect(existsSync(join(out, '.deckhand/cache.json'))).toBe(true);
  });

  it('a recorded file already gone is reported once; a folder in its place is left alone', () => {
    const root = project(undefined, files('out/t/patient/keep.md'));
    const out = join(root, 'out');
    mkdirSync(join(out, 't/patient/slides.md'));
    writeFileSync(join(out, 't/patient/slides.md/inside'), 'x');
    const removed = cleanOutputs(out, ['t/student/gone.md', 't/student/gone.md', 't/patient/slides.md'], () => false);
    expect(removed).toEqual(['t/student/gone.md']);
    expect(filesUnder(out)).toEqual(['t/patient/keep.md', 't/patient/slides.md/inside']);
  });
});
