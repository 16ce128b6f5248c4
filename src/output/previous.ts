import { freshEntry, readCache, type CacheEntry, type TopicMemo } from './cache.js';
import { readManifest, type ManifestEntry } from './manifest.js';

/** What the output folder held before this build: its manifest and the incremental cache. */
export interface Previous {
  manifest: Map<string, ManifestEntry>;
  cache: Map<string, CacheEntry>;
  topics: Map<string, TopicMemo>;
}

export const nothingBefore = (): Previous => ({ manifest: new Map(), cache: new Map(), topics: new Map() });

export function readPrevious(outDir: string, version: string): Previous {
  const cache = readCache(outDir, version);
  return { manifest: readManifest(outDir), cache: cache.entries, topics: cache.topics };
}

/** The entry of an artifact the previous build vouches for, or undefined: it must be rendered. */
export type Freshness = (path: string, renderer: string, inputs: string) => CacheEntry | undefined;

/**
 * Memoised: an artifact whose mtime moved is hashed once, though it is asked about twice. `fixedDate`:
 * the build date when SOURCE_DATE_EPOCH fixes it (an artifact of another date is then not fresh).
 */
export function freshness(previous: Previous, outDir: string, fixedDate: Date | undefined): Freshness {
  const date = fixedDate ? { date: fixedDate.toISOString() } : {};
  const memo = new Map<string, CacheEntry | undefined>();
  return (path, renderer, inputs) => {
    const key = `${path}\0${renderer}\0${inputs}`;
    if (!memo.has(key))
      memo.set(
        key,
        freshEntry(
          previous.cache.get(path) ?? previous.manifest.get(path),
          { renderer, inputs, ...date },
          outDir,
        ),
      );
    return memo.get(key);
  };
}
