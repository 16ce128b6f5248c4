import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assertOutputPath, outputPathProblem } from './safe-path.js';
import { readRegularFile } from '../source/regular-file.js';

const temps = new Set<string>();
const TEMP = /^\.(\d+)-[0-9a-f]+\.deckhand-tmp$/;

/**
 * Writes a file atomically (temp file in the same folder, then rename), so a crash or kill never
 * leaves a half-written artifact. Identical content is not rewritten: mtimes stay, watchers stay quiet.
 * Returns false when the file already held these bytes. With `root` (the output folder), a path that
 * leads out of it or through a symlinked folder throws instead (see safe-path.ts).
 */
export function writeAtomic(path: string, bytes: Uint8Array, root?: string): boolean {
  if (root !== undefined) assertOutputPath(root, path);
  try {
    // Only a regular file is compared: reading a FIFO in its place would block forever.
    if (sameBytes(path, bytes)) return false;
  } catch {
    // missing or unreadable: write it
  }
  mkdirSync(dirname(path), { recursive: true });
  // The pid lets a later build tell a dead process's leftovers from a running build's temp file.
  const tmp = join(dirname(path), `.${process.pid}-${randomBytes(6).toString('hex')}.deckhand-tmp`);
  temps.add(tmp);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } finally {
    temps.delete(tmp);
    rmSync(tmp, { force: true });
  }
  return true;
}

/** How a file on disk compares with bytes: `missing`, `current` (the same bytes) or `stale`. */
export function compareWithFile(path: string, bytes: Uint8Array): 'missing' | 'current' | 'stale' {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 'missing';
  // Only a regular file is read: a FIFO in its place would block forever.
  return sameBytes(path, bytes) ? 'current' : 'stale';
}

/** The file is a regular file holding exactly these bytes (read through the one regular-file check). */
function sameBytes(path: string, bytes: Uint8Array): boolean {
  const read = readRegularFile(path, bytes.length);
  return 'bytes' in read && Buffer.compare(read.bytes, bytes) === 0;
}

/** Removes temp files of writes in progress (called from signal handlers). */
export function removeTempFiles(): void {
  for (const t of temps) rmSync(t, { force: true });
  temps.clear();
}

/** Removes temp files that a killed build (kill -9: no signal handler ran) left in these folders. */
export function sweepTempFiles(dirs: Iterable<string>): void {
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = TEMP.exec(name)?.[1];
      if (pid && !isAlive(Number(pid))) rmSync(join(dir, name), { force: true });
    }
  }
}

export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Checks the output folders before anything is rendered, so an output that cannot be written is one
 * clear problem up front instead of one failure per artifact: creates the output folder itself and
 * looks for a file in the way of each artifact folder (those are created when written, so an
 * interrupted or failed build leaves no empty ones). Returns why it failed, or undefined.
 */
export function checkFolders(outDir: string, dirs: readonly string[]): { dir: string; reason: string } | undefined {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      dir: outDir,
      reason:
        code === 'ENOTDIR' || code === 'EEXIST'
          ? `${blockingFile(outDir) ?? 'a file'} is a file, not a folder`
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : code === 'EROFS'
              ? 'the file system is read-only'
              : (code ?? String(e)),
    };
  }
  for (const dir of dirs) {
    const file = blockingFile(dir);
    if (file) return { dir, reason: `${file} is a file, not a folder` };
    const linked = outputPathProblem(outDir, join(dir, 'artifact'));
    if (linked) return { dir, reason: `${linked}; deckhand writes only into real folders inside the output folder` };
  }
  return undefined;
}

/** The nearest existing path at or above `dir` when it is not a folder. */
function blockingFile(dir: string): string | undefined {
  for (let p = dir; p !== dirname(p); p = dirname(p)) {
    let info;
    try {
      info = statSync(p);
    } catch {
      continue; // missing, or below a file (ENOTDIR)
    }
    return info.isDirectory() ? undefined : p;
  }
  return undefined;
}
