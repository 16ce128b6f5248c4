import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The one regular-file check every file deckhand reads goes through (topics, config, themes,
 * templates, partials, images, manifest, cache, the lock's pid file, watched files): open without
 * blocking, then look at what was opened. A FIFO would block a plain read forever and ignore
 * Ctrl-C; /dev/zero never ends; a folder is not text. Checking the opened descriptor (not the path
 * before opening) leaves no gap for the file to be swapped in between.
 */
export type FileProblem = 'missing' | 'folder' | 'not-regular' | 'too-large' | { code: string };

export type ReadResult = { bytes: Buffer; size: number } | { problem: FileProblem; size?: number };

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** Reads a regular file of at most `maxBytes`; anything else is a problem, never a hang. */
export function readRegularFile(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { problem: code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'folder' : { code } };
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { problem: 'folder' };
    if (!info.isFile()) return { problem: 'not-regular' };
    if (info.size > maxBytes) return { problem: 'too-large', size: info.size };
    // Read to the end, but never past the limit (a file may grow while it is read).
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { problem: 'too-large', size: total };
    }
    return { bytes: Buffer.concat(chunks, total), size: total };
  } catch (e) {
    return { problem: { code: (e as NodeJS.ErrnoException).code ?? 'error' } };
  } finally {
    closeSync(fd);
  }
}

/** A short reason for a problem, for messages: "not found", "it is a folder", … */
export function describeProblem(problem: FileProblem): string {
  if (problem === 'missing') return 'not found';
  if (problem === 'folder') return 'it is a folder';
  if (problem === 'not-regular') return 'it is not a regular file';
  if (problem === 'too-large') return 'it is too large';
  return problem.code;
}

/** Reads UTF-8 text through `readRegularFile`; undefined when it is not a readable regular file. */
export function readRegularText(path: string, maxBytes: number): string | undefined {
  const r = readRegularFile(path, maxBytes);
  return 'bytes' in r ? r.bytes.toString('utf8') : undefined;
}
