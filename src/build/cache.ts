import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { manifestEntry, type ManifestEntry } from './manifest.js';

/** Under the output folder, hidden: CI uploads of `<out>/` leave it out by default. */
export const CACHE_FILE = '.deckhand/cache.json';
const FORMAT = 1;

/** What the incremental cache knows of one artifact on disk. */
export interface CacheEntry extends ManifestEntry {
  renderer: string;
  /** The file as this build left it: a different size or mtime means someone else touched it. */
  size: number;
  mtimeMs: number;
}

export function readCache(outDir: string, version: string): Map<string, CacheEntry> {
  try {
    const json = JSON.parse(readFileSync(join(outDir, CACHE_FILE), 'utf8')) as { format?: number; version?: string; entries?: CacheEntry[] };
    if (json.format !== FORMAT || json.version !== version || !Array.isArray(json.entries)) return new Map();
    return new Map(json.entries.map((e) => [e.path, e]));
  } catch {
    return new Map();
  }
}

export function cacheBytes(entries: readonly CacheEntry[], version: string): Uint8Array {
  const list = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((e) => ({ ...manifestEntry(e), renderer: e.renderer, size: e.size, mtimeMs: e.mtimeMs }));
  return new TextEncoder().encode(JSON.stringify({ format: FORMAT, version, entries: list }) + '\n');
}

/** The cache entry of a file as it is on disk now, or undefined when it is gone. */
export function cacheEntry(entry: ManifestEntry, renderer: string, outDir: string): CacheEntry | undefined {
  try {
    const st = statSync(join(outDir, entry.path));
    return { ...manifestEntry(entry), renderer, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * Whether an artifact on disk is still what this build would make: same inputs and renderer,
 * the same date when SOURCE_DATE_EPOCH fixes it, and the file untouched since it was written.
 */
export function isFresh(entry: CacheEntry | undefined, want: { renderer: string; inputs: string; date?: string }, outDir: string): entry is CacheEntry {
  if (!entry || entry.renderer !== want.renderer || entry.inputs !== want.inputs) return false;
  if (want.date !== undefined && entry.date !== want.date) return false;
  try {
    const st = statSync(join(outDir, entry.path));
    return st.size === entry.size && st.mtimeMs === entry.mtimeMs;
  } catch {
    return false;
  }
}
