import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkFolders,
  compareWithFile,
  isAlive,
  sweepTempFiles,
  writeAtomic,
} from '../../src/output/atomic-write.js';
import { project } from '../helpers/project.js';

const bytes = (s: string) => new TextEncoder().encode(s);
// The pid of a process that has ended.
const deadPid = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout);
const fifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);

describe('writeAtomic', () => {
  it('writes the file and the folders above it, leaving no temp file', () => {
    const dir = project();
    const path = join(dir, 'a/b/slides.md');
    expect(writeAtomic(path, bytes('one'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('one');
    expect(readdirSync(join(dir, 'a/b'))).toEqual(['slides.md']);
  });

  it('does not rewrite identical bytes (the mtime stays), and replaces different ones', () => {
    const path = join(project(undefined, { 'f.md': 'same' }), 'f.md');
    utimesSync(path, new Date(1_000_000_000_000), new Date(1_000_000_000_000));
    expect(writeAtomic(path, bytes('same'))).toBe(false);
    expect(statSync(path).mtimeMs).toBe(1_000_000_000_000);
    expect(writeAtomic(path, bytes('different'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('different');
    expect(statSync(path).mtimeMs).not.toBe(1_000_000_000_000);
  });

  it('replaces a FIFO in its place without reading it (which would block)', () => {
    const dir = project();
    fifo(join(dir, 'f.md'));
    expect(writeAtomic(join(dir, 'f.md'), bytes('text'))).toBe(true);
    expect(statSync(join(dir, 'f.md')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'f.md'), 'utf8')).toBe('text');
  });

  it('fails on a folder in its place, and leaves no temp file behind', () => {
    const dir = project();
    mkdirSync(join(dir, 'f.md'));
    writeFileSync(join(dir, 'f.md/inside'), 'x');
    expect(() => writeAtomic(join(dir, 'f.md'), bytes('text'))).toThrow();
    expect(readdirSync(dir)).toEqual(['f.md']);
  });
});

describe('compareWithFile', () => {
  it('missing, current (same bytes) or stale; a folder or a FIFO is stale, never read', () => {
    const dir = project(undefined, { 'f.md': 'text' });
    expect(compareWithFile(join(dir, 'f.md'), bytes('text'))).toBe('current');
    expect(compareWithFile(join(dir, 'f.md'), bytes('texT'))).toBe('stale');
    expect(compareWithFile(join(dir, 'f.md'), bytes('text\n'))).toBe('stale');
    expect(compareWithFile(join(dir, 'none.md'), bytes('text'))).toBe('missing');
    mkdirSync(join(dir, 'folder'));
    expect(compareWithFile(join(dir, 'folder'), bytes(''))).toBe('stale');
    fifo(join(dir, 'pipe'));
    expect(compareWithFile(join(dir, 'pipe'), bytes(''))).toBe('stale');
  });
});

describe('sweepTempFiles', () => {
  it('removes only the temp files of processes that are gone', () => {
    const names = [
      `.${deadPid}-0a1b2c.deckhand-tmp`, // a killed build's
      `.${process.pid}-0a1b2c.deckhand-tmp`, // this process's write in progress
      `.${process.ppid}-0a1b2c.deckhand-tmp`, // another running build's
      `${deadPid}-0a1b2c.deckhand-tmp`, // not ours: no dot
      `.${deadPid}-xyz.deckhand-tmp`, // not ours: not hex
      `.${deadPid}-0a1b2c.deckhand-tmp.bak`,
      'slides.md',
    ];
    const a = project(undefined, Object.fromEntries(names.map((n) => [n, 'x'])));
    const b = project(undefined, { [`.${deadPid}-ff.deckhand-tmp`]: 'x', 'handout.pdf': 'x' });
    sweepTempFiles([a, join(a, 'missing'), b]);
    expect(readdirSync(a).sort()).toEqual(names.slice(1).sort());
    expect(readdirSync(b)).toEqual(['handout.pdf']);
  });

  it('isAlive: this process and its parent are, an ended one is not', () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(process.ppid)).toBe(true);
    expect(isAlive(deadPid)).toBe(false);
  });
});

describe('checkFolders', () => {
  it('creates the output folder; artifact folders are left to the writes', () => {
    const out = join(project(), 'out/deep');
    expect(checkFolders(out, [join(out, 't/patient')])).toBeUndefined();
    expect(statSync(out).isDirectory()).toBe(true);
    expect(readdirSync(out)).toEqual([]);
  });

  it('names the file in the way: the output folder itself, a folder above it, or an artifact folder', () => {
    const dir = project(undefined, { 'out.txt': 'x', 'parent.txt': 'x', 'out/t': 'x' });
    expect(checkFolders(join(dir, 'out.txt'), [])).toEqual({
      dir: join(dir, 'out.txt'),
      reason: `${join(dir, 'out.txt')} is a file, not a folder`,
    });
    expect(checkFolders(join(dir, 'parent.txt/out'), [])).toEqual({
      dir: join(dir, 'parent.txt/out'),
      reason: `${join(dir, 'parent.txt')} is a file, not a folder`,
    });
    const out = join(dir, 'out');
    expect(checkFolders(out, [join(out, 'a/patient'), join(out, 't/patient'), join(out, 't/student')])).toEqual({
      dir: join(out, 't/patient'),
      reason: `${join(out, 't')} is a file, not a folder`,
    });
  });

  it('a FIFO in place of an artifact folder is in the way too', () => {
    const out = project();
    fifo(join(out, 't'));
    expect(checkFolders(out, [join(out, 't/patient')])?.reason).toBe(`${join(out, 't')} is a file, not a folder`);
  });
});
