import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const temps = new Set<string>();

/**
 * Writes a file atomically (temp file in the same folder, then rename), so a crash or kill never
 * leaves a half-written artifact. Identical content is not rewritten: mtimes stay, watchers stay quiet.
 * Returns false when the file already held these bytes.
 */
export function writeAtomic(path: string, bytes: Uint8Array): boolean {
  try {
    if (Buffer.compare(readFileSync(path), bytes) === 0) return false;
  } catch {
    // missing or unreadable: write it
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.deckhand-tmp`);
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

/** Removes temp files of writes in progress (called from signal handlers). */
export function removeTempFiles(): void {
  for (const t of temps) rmSync(t, { force: true });
  temps.clear();
}
