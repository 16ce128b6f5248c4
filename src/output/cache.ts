import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../errors/diagnostic.js';
import { manifestEntry, type ManifestEntry } from './manifest.js';
import { MAX_RECORD_BYTES } from './manifest.js';
import { readRegularFile, readRegularText } from '../source/regular-file.js';

/** Under the output folder, hidden: CI uploads of `<out>/` leave it out by default. */
export const CACHE_FILE = '.deckhand/cache.json';
const FORMAT = 2;

/** What the incremental cache knows of one artifact on disk. */
export interface CacheEntry extends ManifestEntry {
  renderer: string;
  /** The file as this build left it: a different size or mtime means someone else touched it. */
  size: number;
  mtimeMs: number;
}

/**
 * What a topic's last build reported (its file's diagnostics: lint, render warnings), under a key
 * of everything it was built from: a topic skipped as up to date reports them again.
 */
export interface TopicMemo {
  key: string;
  diagnostics: Diagnostic[];
}

export interface Cache {
  entries: Map<string, CacheEntry>;
  topics: Map<string, TopicMemo>;
}

export function readCache(outDir: string, version: string): Cache {
  try {
    const path = join(outDir, CACHE_FILE);
    const text = readRegularText(path, MAX_RECORD_BYTES); // never block on a FIFO
    if (text === undefined) return { entries: new Map(), topics: new Map() };
    const json = JSON.parse(text) as {
      format?: number;
      version?: string;
      entries?: CacheEntry[];
      topics?: Record<string, TopicMemo>;
    };
    if (json.format !== FORMAT || json.version !== version || !Array.isArray(json.entries))
      return { entries: new Map(), topics: new Map() };
    return {
      entries: new Map(json.entries.map((e) => [e.path, e])),
      topics: new Map(Object.entries(json.topics ?? {})),
    };
  } catch {
    return { entries: new Map(), topics: new Map() };
  }
}

export function cacheBytes(
  entries: readonly CacheEntry[],
  topics: ReadonlyMap<string, TopicMemo>,
  version: string,
): Uint8Array {
  const list = [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => ({ ...manifestEntry(e), renderer: e.renderer, size: e.size, mtimeMs: e.mtimeMs }));
  const memos = Object.fromEntries([...topics].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return new TextEncoder().encode(JSON.stringify({ format: FORMAT, version, entries: list, topics: memos }) + '\n');
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
 * The entry of an artifact on disk that is still what this build would make — same inputs and
 * renderer, the same date when SOURCE_DATE_EPOCH fixes it, and the file unchanged — or undefined.
 * A file whose mtime moved (a git checkout, a restored CI cache) is hashed: same bytes, still fresh.
 * Without a cache entry the manifest's entry serves (its file name stands for the renderer).
 */
export function freshEntry(
  entry: ManifestEntry | CacheEntry | undefined,
  want: { renderer: string; inputs: string; date?: string },
  outDir: string,
): CacheEntry | undefined {
  if (!entry || entry.inputs !== want.inputs || ('renderer' in entry && entry.renderer !== want.renderer))
    return undefined;
  if (want.date !== undefined && entry.date !== want.date) return undefined;
  const path = join(outDir, entry.path);
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size !== entry.bytes) return undefined;
    if ('mtimeMs' in entry && st.mtimeMs === entry.mtimeMs) return entry;
    const read = readRegularFile(path, st.size);
    if (!('bytes' in read) || createHash('sha256').update(read.bytes).digest('hex') !== entry.sha256) return undefined;
    return { ...manifestEntry(entry), renderer: want.renderer, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  }
}
