import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_DIR, withOutputLock } from '../../src/output/lock.js';
import { project, REPO } from '../helpers/project.js';

/** Issue 22, items 4, 7 and 19: the output lock is exclusive, never hangs, and never blocks on a stranger. */
const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
afterAll(() => void sleeper.kill());

describe('the output lock under hostile conditions', () => {
  it('takes over a lock whose pid was reused by another live process (item 19)', () => {
    const out = project();
    mkdirSync(join(out, LOCK_DIR), { recursive: true });
    // The pid is alive, but it is not the process that took the lock: its start time differs.
    writeFileSync(join(out, LOCK_DIR, 'pid'), `${sleeper.pid} 1 0123456789abcdef`);
    expect(withOutputLock(out, () => 'done', 300)).toEqual({ ok: true, value: 'done' });
    expect(existsSync(join(out, LOCK_DIR))).toBe(false);
  });

  it('a FIFO as the pid file neither hangs nor blocks the build (item 4)', () => {
    const out = project();
    mkdirSync(join(out, LOCK_DIR), { recursive: true });
    execFileSync('mkfifo', [join(out, LOCK_DIR, 'pid')]);
    // An unreadable owner counts as a crashed taker: taken over after 2 s, not waited on forever.
    expect(withOutputLock(out, () => 'done', 5000)).toEqual({ ok: true, value: 'done' });
  });

  it('leaves neither a lock nor a temp folder when taking it fails (item 19: a full disk)', () => {
    const out = project();
    // A file where the lock's parent folder must be: every attempt fails, and fails cleanly.
    writeFileSync(join(out, '.deckhand'), 'in the way');
    expect(() => withOutputLock(out, () => 'done', 100)).toThrow();
    expect(readdirSync(out)).toEqual(['.deckhand']);
  });

  it('is exclusive across many processes, with holders killed mid-run (item 7)', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'scripts/lock-stress.mjs'), '6', '15', '--kill'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { overlaps: number; timeouts: number; sections: number };
    expect(summary.overlaps).toBe(0);
    expect(summary.timeouts).toBe(0);
    expect(summary.sections).toBeGreaterThan(0);
  }, 130_000);
});
