import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_DIR, withOutputLock } from '../../src/output/lock.js';
import { deckhandAsync, project } from '../helpers/project.js';

const holdLock = (outDir: string, pid: number) => {
  mkdirSync(join(outDir, LOCK_DIR), { recursive: true });
  writeFileSync(join(outDir, LOCK_DIR, 'pid'), String(pid));
};
// A live process that is not this one, and the pid of one that has ended.
const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
const deadPid = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
afterAll(() => void sleeper.kill());

describe('output folder lock', () => {
  it('runs the work, then removes the lock', () => {
    const out = project();
    const seen = withOutputLock(out, () => existsSync(join(out, LOCK_DIR, 'pid')));
    expect(seen).toEqual({ ok: true, value: true });
    expect(existsSync(join(out, LOCK_DIR))).toBe(false);
  });

  it('takes over the lock of a process that is gone', () => {
    const out = project();
    holdLock(out, Number(deadPid));
    expect(withOutputLock(out, () => 'done', 200)).toEqual({ ok: true, value: 'done' });
  });

  it('waits for a live holder, and names it when it does not let go', () => {
    const out = project();
    holdLock(out, sleeper.pid!);
    const started = Date.now();
    expect(withOutputLock(out, () => 'done', 300)).toEqual({ ok: false, holder: sleeper.pid });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(existsSync(join(out, LOCK_DIR))).toBe(true); // not ours to remove
  });

  it('a build waits for the lock before it merges manifest.json, and loses no entry', async () => {
    const dir = project('basic');
    const out = join(dir, 'output');
    holdLock(out, sleeper.pid!);
    const run = deckhandAsync(['build', '-f', 'slides'], dir);
    // Artifacts are written as they are done; then the build waits with its manifest.
    const last = join(out, 'hand-hygiene/clinician/slides.html');
    for (let waited = 0; !existsSync(last) && waited < 20_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(join(out, 'manifest.json'))).toBe(false); // the manifest waits
    // Meanwhile "another build" records its artifact; the waiting build must keep it.
    const other = {
      path: 'other/patient/slides.md',
      topic: 'other',
      audience: 'patient',
      format: 'slides',
      bytes: 1,
      sha256: 'x',
      pages: 1,
      inputs: 'y',
      date: '2026-01-01T00:00:00.000Z',
    };
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({ generator: 'deckhand', version: '0.1.0', date: other.date, artifacts: [other] }),
    );
    mkdirSync(join(out, 'other/patient'), { recursive: true });
    writeFileSync(join(out, 'other/patient/slides.md'), 'x');
    rmSync(join(out, LOCK_DIR), { recursive: true });
    const done = await run;
    expect(done.code, done.stderr).toBe(0);
    const paths = (
      JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { artifacts: { path: string }[] }
    ).artifacts.map((a) => a.path);
    expect(paths).toContain('other/patient/slides.md');
    expect(paths).toContain('hand-hygiene/clinician/slides.html');
  }, 30_000);
});
