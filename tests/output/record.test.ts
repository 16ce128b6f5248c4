import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE, cacheBytes, type CacheEntry, type TopicMemo } from '../../src/output/cache.js';
import { LOCK_DIR } from '../../src/output/lock.js';
import { MANIFEST, manifestBytes, type ManifestEntry } from '../../src/output/manifest.js';
import type { Previous } from '../../src/output/previous.js';
import { recordBuild, type BuildRecord } from '../../src/output/record.js';
import { project } from '../helpers/project.js';

const V = '1.0.0';
const DATE = '2026-01-01T00:00:00.000Z';

/** Writes an artifact into `out`, and returns its manifest and cache entries. */
function artifact(out: string, path: string, text = `${path}\n`): { entry: ManifestEntry; cached: CacheEntry } {
  mkdirSync(join(out, path, '..'), { recursive: true });
  writeFileSync(join(out, path), text);
  const [topic, audience] = path.split('/') as [string, string];
  const entry: ManifestEntry = {
    path,
    topic,
    audience,
    format: 'slides',
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
    inputs: 'in',
    date: DATE,
  };
  const st = statSync(join(out, path));
  return { entry, cached: { ...entry, renderer: 'slides-md', size: st.size, mtimeMs: st.mtimeMs } };
}

const record = (over: Partial<BuildRecord>): BuildRecord => ({
  artifacts: [],
  cache: [],
  removed: [],
  memos: (latest) => latest.topics,
  version: V,
  fixedDate: undefined,
  ...over,
});
const manifestPaths = (out: string) =>
  (JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')).artifacts as ManifestEntry[]).map((e) => e.path);
const cachePaths = (out: string) =>
  (JSON.parse(readFileSync(join(out, CACHE_FILE), 'utf8')).entries as CacheEntry[]).map((e) => e.path);

describe('recordBuild', () => {
  it('writes manifest.json and the cache for what was built', () => {
    const out = project();
    const a = artifact(out, 'a/patient/slides.md');
    const memo: TopicMemo = { key: 'k', diagnostics: [] };
    const fixedDate = new Date('2025-12-01T00:00:00Z');
    const r = record({ artifacts: [a.entry], cache: [a.cached], memos: () => new Map([['a', memo]]), fixedDate });
    expect(recordBuild(out, r)).toEqual([]);
    expect(readFileSync(join(out, MANIFEST))).toEqual(Buffer.from(manifestBytes([a.entry], V, fixedDate)));
    expect(readFileSync(join(out, CACHE_FILE))).toEqual(Buffer.from(cacheBytes([a.cached], new Map([['a', memo]]), V)));
    expect(existsSync(join(out, LOCK_DIR))).toBe(false);
  });

  it('merges into the records as they are when the lock is taken: another build’s entries stay', () => {
    const out = project();
    const mine = artifact(out, 'a/patient/slides.md');
    // Written by another build after this one read the output folder.
    const theirs = artifact(out, 'b/patient/slides.md');
    writeFileSync(join(out, MANIFEST), manifestBytes([theirs.entry], V, undefined));
    mkdirSync(join(out, '.deckhand'), { recursive: true });
    const theirMemo: TopicMemo = { key: 'theirs', diagnostics: [] };
    writeFileSync(join(out, CACHE_FILE), cacheBytes([theirs.cached], new Map([['b', theirMemo]]), V));
    let seen: Previous | undefined;
    const memos = (latest: Previous) => {
      seen = latest;
      return new Map([...latest.topics, ['a', { key: 'mine', diagnostics: [] }]]);
    };
    expect(recordBuild(out, record({ artifacts: [mine.entry], cache: [mine.cached], memos }))).toEqual([]);
    expect(seen?.manifest.has('b/patient/slides.md')).toBe(true);
    expect(manifestPaths(out)).toEqual(['a/patient/slides.md', 'b/patient/slides.md']);
    expect(cachePaths(out)).toEqual(['a/patient/slides.md', 'b/patient/slides.md']);
    const topics = JSON.parse(readFileSync(join(out, CACHE_FILE), 'utf8')).topics;
    expect(Object.keys(topics)).toEqual(['a', 'b']);
  });

  it('drops removed files and files that are gone from both records', () => {
    const out = project();
    const keep = artifact(out, 'a/patient/slides.md');
    const cleaned = artifact(out, 'old/patient/slides.md');
    const gone = artifact(out, 'c/patient/slides.md');
    const all = [keep, cleaned, gone];
    recordBuild(out, record({ artifacts: all.map((x) => x.entry), cache: all.map((x) => x.cached) }));
    rmSync(join(out, 'old/patient/slides.md'));
    rmSync(join(out, 'c/patient/slides.md'));
    expect(recordBuild(out, record({ removed: ['old/patient/slides.md'] }))).toEqual([]);
    expect(manifestPaths(out)).toEqual(['a/patient/slides.md']);
    expect(cachePaths(out)).toEqual(['a/patient/slides.md']);
  });

  it('a build that changed nothing leaves both files as they were', () => {
    const out = project();
    const a = artifact(out, 'a/patient/slides.md');
    const r = record({ artifacts: [a.entry], cache: [a.cached] });
    recordBuild(out, r);
    const old = new Date(1_000_000_000_000);
    for (const f of [MANIFEST, CACHE_FILE]) utimesSync(join(out, f), old, old);
    expect(recordBuild(out, r)).toEqual([]);
    for (const f of [MANIFEST, CACHE_FILE]) expect(statSync(join(out, f)).mtimeMs).toBe(old.getTime());
  });

  it('writes nothing when there is nothing to record', () => {
    const out = project();
    expect(recordBuild(out, record({}))).toEqual([]);
    expect(existsSync(join(out, MANIFEST))).toBe(false);
    expect(existsSync(join(out, '.deckhand'))).toBe(false);
    // A removal of something never recorded, with no manifest yet: still nothing to write.
    expect(recordBuild(out, record({ removed: ['x/patient/slides.md'] }))).toEqual([]);
    expect(existsSync(join(out, MANIFEST))).toBe(false);
  });

  it('a file system problem is a diagnostic on manifest.json, not an exception', () => {
    const out = project();
    const a = artifact(out, 'a/patient/slides.md');
    writeFileSync(join(out, '.deckhand'), 'a file where the cache folder goes');
    const diagnostics = recordBuild(out, record({ artifacts: [a.entry], cache: [a.cached] }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'DH_OUTPUT',
      file: join(out, MANIFEST),
      hint: 'check that the output folder is writable',
    });
    expect(diagnostics[0]!.message).toMatch(/^cannot write manifest\.json \((EEXIST|ENOTDIR)\)$/);
    expect(existsSync(join(out, MANIFEST))).toBe(false);
  });
});
