import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './atomic-write.js';

export const LOCK_DIR = '.deckhand/lock';

/**
 * Runs `fn` while holding the output folder's lock, or returns the pid of the build that holds it
 * for longer than `timeoutMs`. Two builds writing into one folder at once (a watch session and a
 * build, CI jobs sharing a workspace) would each merge manifest.json and the cache from what they
 * read before the other wrote, and one's entries would be lost. The lock is a folder (mkdir is
 * atomic) holding its owner's pid; the lock of a process that is gone is taken over.
 */
export function withOutputLock<T>(
  outDir: string,
  fn: () => T,
  timeoutMs = 10_000,
): { ok: true; value: T } | { ok: false; holder: number } {
  const dir = join(outDir, LOCK_DIR);
  const end = Date.now() + timeoutMs;
  for (let holder = tryLock(dir); holder !== undefined; holder = tryLock(dir)) {
    // This thread never holds the lock across a wait, so its own pid there is a leftover too.
    if (holder === STALE || holder === process.pid || (holder > 0 && !isAlive(holder)))
      rmSync(dir, { recursive: true, force: true });
    else if (Date.now() > end) return { ok: false, holder };
    else sleep(10);
  }
  try {
    return { ok: true, value: fn() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const STALE = -1;

/** Takes the lock (undefined) or names the pid holding it (STALE: a lock its owner never finished taking). */
function tryLock(dir: string): number | undefined {
  mkdirSync(join(dir, '..'), { recursive: true });
  try {
    mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    try {
      return Number(readFileSync(join(dir, 'pid'), 'utf8')) || STALE;
    } catch {
      // Its owner is between mkdir and writing its pid, or died there.
      return Date.now() - statSync(dir).mtimeMs > 2000 ? STALE : 0;
    }
  }
  writeFileSync(join(dir, 'pid'), String(process.pid));
  return undefined;
}

// The lock is held for the few milliseconds of a manifest write: a short synchronous wait is fine.
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
