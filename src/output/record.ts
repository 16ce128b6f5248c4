import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { writeAtomic } from './atomic-write.js';
import { CACHE_FILE, cacheBytes, cacheEntry, type CacheEntry, type TopicMemo } from './cache.js';
import { LOCK_DIR, withOutputLock } from './lock.js';
import { MANIFEST, manifestBytes, mergeManifest, type ManifestEntry } from './manifest.js';
import { readPrevious, type Previous } from './previous.js';

/** What one build adds to the output folder's records. */
export interface BuildRecord {
  /** The artifacts this build made or found up to date. */
  artifacts: readonly ManifestEntry[];
  /** Their cache entries (files as this build left them). */
  cache: readonly CacheEntry[];
  /** Files --clean removed, relative to the output folder. */
  removed: readonly string[];
  /** The topic memos to keep, from the records as they are when the lock is held. */
  memos: (latest: Previous) => ReadonlyMap<string, TopicMemo>;
  version: string;
  /** SOURCE_DATE_EPOCH, when set: the manifest's build date. */
  fixedDate: Date | undefined;
}

/**
 * Merges a build into manifest.json and the cache; both are left untouched when nothing changed.
 * Under the output folder's lock, and from the state as it is now: another build may have written
 * since this one read it. Problems come back as diagnostics.
 */
export function recordBuild(outDir: string, record: BuildRecord): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const cannot = (why: string, hint: string) =>
    diagnostics.push(error(Codes.output, `cannot write ${MANIFEST} (${why})`, { file: join(outDir, MANIFEST), hint }));
  const { artifacts, removed, version } = record;
  if (!artifacts.length && !removed.length && !existsSync(join(outDir, MANIFEST))) return diagnostics; // nothing new
  try {
    const locked = withOutputLock(outDir, () => {
      const latest = readPrevious(outDir, version);
      const entries = mergeManifest(latest.manifest, artifacts, outDir, removed);
      const cache = new Map(latest.cache);
      for (const path of removed) cache.delete(path);
      for (const entry of record.cache) cache.set(entry.path, entry);
      for (const [path, entry] of cache) if (!cacheEntry(entry, entry.renderer, outDir)) cache.delete(path);
      if (!entries.length && !latest.manifest.size) return;
      writeAtomic(join(outDir, MANIFEST), manifestBytes(entries, version, record.fixedDate));
      writeAtomic(join(outDir, CACHE_FILE), cacheBytes([...cache.values()], record.memos(latest), version));
    });
    if (!locked.ok)
      cannot(
        `another deckhand build, pid ${locked.holder}, holds ${LOCK_DIR}`,
        `wait for it to end; if no build is running, remove ${LOCK_DIR} in the output folder`,
      );
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e;
    cannot(code, 'check that the output folder is writable');
  }
  return diagnostics;
}
