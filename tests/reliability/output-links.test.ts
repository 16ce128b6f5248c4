import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanOutputs } from '../../src/output/clean.js';
import { outputPathProblem } from '../../src/output/safe-path.js';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

/** Issue 22, items 1 and 10: links inside the output folder never lead a write or a removal outside it. */
const seed = () => project('bad/_seed');

function addToManifest(dir: string, path: string) {
  const file = join(dir, 'output/manifest.json');
  const m = JSON.parse(readFileSync(file, 'utf8')) as { artifacts: Record<string, unknown>[] };
  m.artifacts.push({ ...m.artifacts[0], path, topic: path.split('/')[0], audience: path.split('/')[1] });
  writeFileSync(file, JSON.stringify(m));
}

describe('--clean and symlinks in the output folder (item 1)', () => {
  it('never deletes through a linked folder, nor files no renderer makes', async () => {
    const dir = seed();
    expect((await runDeckhand(['build', '-f', 'slides'], dir)).code).toBe(0);
    const outside = project(undefined, { 'keep/precious.txt': 'precious', 'keep/slides.md': 'mine' });
    symlinkSync(outside, join(dir, 'output/evil'));
    addToManifest(dir, 'evil/keep/precious.txt');
    addToManifest(dir, 'evil/keep/slides.md');
    const r = await runDeckhand(['build', '-f', 'slides', '--clean'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(outside, 'keep/precious.txt'), 'utf8')).toBe('precious');
    expect(readFileSync(join(outside, 'keep/slides.md'), 'utf8')).toBe('mine');
  });

  it('skips links and names no renderer produces even when keep rejects them', () => {
    const root = project(undefined, { 'out/t/patient/notes.txt': 'x', 'elsewhere/slides.md': 'x' });
    const out = join(root, 'out');
    mkdirSync(join(out, 't/student'), { recursive: true });
    symlinkSync(join(root, 'elsewhere/slides.md'), join(out, 't/student/slides.md'));
    const removed = cleanOutputs(
      out,
      ['t/patient/notes.txt', 't/student/slides.md'],
      () => false,
      new Set(['slides.md']),
    );
    expect(removed).toEqual([]);
    expect(existsSync(join(root, 'elsewhere/slides.md'))).toBe(true);
  });
});

describe('writes through a linked folder in the output folder (item 10)', () => {
  it('refuses, with a positioned error, and writes nothing outside', async () => {
    const dir = seed();
    const outside = project();
    mkdirSync(join(dir, 'output'), { recursive: true });
    symlinkSync(outside, join(dir, 'output/topic'));
    const r = await runDeckhand(['build', '-f', 'slides'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/output\s+error\s+cannot create the output folder .*topic is a link/);
    expect(existsSync(join(outside, 'patient'))).toBe(false);
  });

  it('outputPathProblem names the linked segment', () => {
    const root = project(undefined, { 'real/x': 'x' });
    symlinkSync(join(root, 'real'), join(root, 'link'));
    expect(outputPathProblem(root, join(root, 'link/a/b'))).toBe('link is a link');
    expect(outputPathProblem(root, join(root, 'real/a/b'))).toBeUndefined();
    expect(outputPathProblem(root, join(root, '../x'))).toBe('outside the output folder');
  });
});
