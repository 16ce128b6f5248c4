import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readRegularFile } from '../source/regular-file.js';

/**
 * chokidar drops (does not delay) a second `change` of the same file within 50 ms: a save right
 * after another, or the write after an editor's truncate, would be lost. Each event is therefore
 * re-checked after that window against the content last handed to a build.
 */
const RECHECK_MS = 60;

export type FileEvent = 'add' | 'addDir' | 'change' | 'unlink' | 'unlinkDir';

/** Collects file events into debounced batches (path → last event) and re-checks each file once. */
export function changeBatcher(debounceMs: number, onBatch: (batch: Map<string, FileEvent>) => void) {
  let pending = new Map<string, FileEvent>();
  const handed = new Map<string, string>();
  const timers = new Set<NodeJS.Timeout>();
  let debounce: NodeJS.Timeout | undefined;

  const schedule = () => {
    clearTimeout(debounce);
    debounce = setTimeout(flush, debounceMs);
  };
  const flush = () => {
    const batch = pending;
    pending = new Map();
    for (const path of batch.keys()) handed.set(path, signature(path));
    onBatch(batch);
  };
  const recheck = (path: string) => {
    if (pending.has(path) || handed.get(path) === signature(path)) return;
    pending.set(path, 'change');
    schedule();
  };
  return {
    add(path: string, event: FileEvent) {
      pending.set(path, event);
      schedule();
      const t = setTimeout(() => {
        timers.delete(t);
        recheck(path);
      }, RECHECK_MS);
      timers.add(t);
    },
    close() {
      clearTimeout(debounce);
      for (const t of timers) clearTimeout(t);
    },
  };
}

/** What a file holds now (its content's hash), so equal mtimes within one clock tick cannot hide a change. */
function signature(path: string): string {
  try {
    const read = readRegularFile(path, 64 * 1024 * 1024);
    if ('problem' in read) return typeof read.problem === 'string' ? read.problem : read.problem.code;
    return createHash('sha1').update(read.bytes).digest('hex');
  } catch {
    return 'missing';
  }
}
