import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readRegularText } from '../source/regular-file.js';
import { isAlive } from './atomic-write.js';
import { assertOutputPath } from './safe-path.js';

export const LOCK_DIR = '.deckhand/lock';

/**
 * Runs `fn` while holding the output folder's lock, or returns the pid of the build that holds it
 * for longer than `timeoutMs`. Two builds writing into one folder at once (a watch session and a
 * build, CI jobs sharing a workspace) would each merge manifest.json and the cache from what they
 * read before the other wrote, and one's entries would be lost.
 *
 * How it stays exclusive:
 * - taking: a private folder holding the owner's identity is written in full, then renamed to
 *   `lock` — rename onto a folder that exists (and is not empty) fails, so the lock never exists
 *   without its owner (no "empty pid file" to misread), and a full disk leaves no lock behind;
 * - the owner is pid + process start time + a random token: a stale lock whose pid now belongs to
 *   another live process (pid reuse) is still stale;
 * - breaking a stale lock happens under a second, short lock (`lock.break`), and only after
 *   reading the lock again: two waiters can never both break it, nor break a fresh one;
 * - releasing removes the lock only while it is still this owner's.
 */
export function withOutputLock<T>(
  outDir: string,
  fn: () => T,
  timeoutMs = 10_000,
): { ok: true; value: T } | { ok: false; holder: number } {
  const dir = join(outDir, LOCK_DIR);
  assertOutputPath(outDir, join(dir, 'pid')); // `.deckhand` must be a real folder, not a link out
  const me = ownerLine();
  const end = Date.now() + timeoutMs;
  for (;;) {
    const holder = tryLock(dir, me);
    if (holder === undefined) break;
    if (isStale(holder, dir)) breakLock(dir, holder);
    else if (Date.now() > end) return { ok: false, holder: holder.pid };
    else sleep(5 + Math.random() * 10);
  }
  try {
    return { ok: true, value: fn() };
  } finally {
    if (readOwner(dir)?.line === me) removeDir(dir);
  }
}

interface Owner {
  /** The lock file's text as read: what identifies this lock instance. */
  line: string;
  pid: number;
  /** The process's start time (Linux: /proc/<pid>/stat), when known. */
  start?: string;
  token?: string;
  /** The lock folder holds no readable owner (a crash of an older deckhand, or a FIFO planted there). */
  broken?: boolean;
}

function ownerLine(): string {
  return `${process.pid} ${startTime(process.pid) ?? '-'} ${randomBytes(8).toString('hex')}`;
}

/** Takes the lock (undefined) or says who holds it. */
function tryLock(dir: string, me: string): Owner | undefined {
  mkdirSync(dirname(dir), { recursive: true });
  const mine = `${dir}.${process.pid}-${randomBytes(4).toString('hex')}.deckhand-tmp`;
  try {
    mkdirSync(mine);
    writeFileSync(join(mine, 'pid'), me);
    renameSync(mine, dir);
    return undefined;
  } catch (e) {
    removeDir(mine);
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR' && code !== 'EISDIR') throw e;
  }
  return readOwner(dir) ?? { line: '', pid: 0, broken: true };
}

function readOwner(dir: string): Owner | undefined {
  let exists = false;
  try {
    exists = statSync(dir).isDirectory();
  } catch {
    return undefined;
  }
  // Through the one regular-file check: a FIFO planted as `pid` must not block the build.
  const text = exists ? readRegularText(join(dir, 'pid'), 4096) : undefined;
  const [pid, start, token] = (text ?? '').trim().split(/\s+/);
  const n = Number(pid);
  if (!text || !Number.isSafeInteger(n) || n <= 0) return { line: text ?? '', pid: 0, broken: true };
  return { line: text, pid: n, ...(start && start !== '-' ? { start } : {}), ...(token ? { token } : {}) };
}

function isStale(o: Owner, dir: string): boolean {
  if (o.broken) {
    // Gone already, or a folder with no owner in it: give a crashed taker of an older version a moment.
    try {
      return Date.now() - statSync(dir).mtimeMs > 2000;
    } catch {
      return false; // released meanwhile: just try again
    }
  }
  // This thread never holds the lock across a wait, so its own pid there is a leftover.
  if (o.pid === process.pid) return true;
  if (!isAlive(o.pid)) return true;
  // The pid is alive, but is it the same process? A reused pid has another start time.
  const now = startTime(o.pid);
  return o.start !== undefined && now !== undefined && now !== o.start;
}

/** Removes the lock `seen` — under `lock.break`, and only if it is still that very lock. */
function breakLock(dir: string, seen: Owner): void {
  const guard = `${dir}.break`;
  try {
    mkdirSync(guard);
  } catch {
    // Another waiter is breaking it (a few microseconds), or died doing so long ago.
    try {
      if (Date.now() - statSync(guard).mtimeMs > 5000) rmdirSync(guard);
    } catch {
      // gone meanwhile
    }
    return;
  }
  try {
    const now = readOwner(dir);
    if (now && now.line === seen.line && (!seen.broken || isStale(now, dir))) removeDir(dir);
  } finally {
    rmdirSync(guard);
  }
}

/** Renames a lock folder away first, so its removal is atomic and cannot catch a new lock by the same name. */
function removeDir(dir: string): void {
  const trash = `${dir}.${process.pid}-${randomBytes(4).toString('hex')}.deckhand-tmp`;
  try {
    renameSync(dir, trash);
  } catch {
    return;
  }
  rmSync(trash, { recursive: true, force: true });
}

/** A process's start time in clock ticks since boot (Linux), to tell a reused pid from its first owner. */
function startTime(pid: number): string | undefined {
  const stat = readRegularText(`/proc/${pid}/stat`, 4096);
  if (!stat) return undefined;
  // Fields after the command name, which is in parentheses and may itself hold spaces.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

// The lock is held for the few milliseconds of a manifest write: a short synchronous wait is fine.
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
