import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Spools of builds in progress, removed by `removeSpools` when a signal ends the process. */
const open = new Set<string>();

/**
 * Rendered bytes that must wait (nothing is written before every topic is clean) but would make
 * memory grow with the topic count: past `budget` bytes in memory, further results wait in a
 * private temp folder instead, outside the output folder (an error leaves that folder untouched).
 */
export class Spool {
  private dir: string | undefined;
  private inMemory = 0;
  private count = 0;

  constructor(private readonly budget: number) {}

  /** Keeps `bytes` until `take`: in memory under the budget, else on disk. */
  hold(bytes: Uint8Array): Uint8Array | number {
    if (this.inMemory + bytes.byteLength <= this.budget) {
      this.inMemory += bytes.byteLength;
      return bytes;
    }
    if (!this.dir) {
      this.dir = mkdtempSync(join(tmpdir(), 'deckhand-spool-'));
      open.add(this.dir);
    }
    const n = this.count++;
    writeFileSync(join(this.dir, String(n)), bytes);
    return n;
  }

  /** The bytes `hold` kept; a spooled file is removed as it is read back. */
  take(held: Uint8Array | number): Uint8Array {
    if (typeof held !== 'number') {
      this.inMemory -= held.byteLength;
      return held;
    }
    const file = join(this.dir!, String(held));
    const bytes = readFileSync(file);
    rmSync(file, { force: true });
    return bytes;
  }

  /** Removes the spool folder (after writing, or when the build stops on errors). */
  close(): void {
    if (!this.dir) return;
    rmSync(this.dir, { recursive: true, force: true });
    open.delete(this.dir);
    this.dir = undefined;
  }
}

/** Removes every open spool (called from signal handlers, like `removeTempFiles`). */
export function removeSpools(): void {
  for (const dir of open) rmSync(dir, { recursive: true, force: true });
  open.clear();
}
