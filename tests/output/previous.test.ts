import { createHash } from 'node:crypto';
import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE, cacheBytes, type CacheEntry } from '../../src/output/cache.js';
import { MANIFEST, manifestBytes, type ManifestEntry } from '../../src/output/manifest.js';
import { freshness, nothingBefore, readPrevious, type Previous } from '../../src/output/previous.js';
import { project } from '../helpers/project.js';

const PATH = 't/patient/slides.md';
const DATE = '2026-01-01T00:00:00.000Z';

function built(text = 'slide text\n') {
  const out = project(undefined, { [PATH]: text });
  const manifest: ManifestEntry = {
    path: PATH,
    topic: 't',
    audience: 'patient',
    format: 'slides',
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
    inputs: 'in-1',
    date: DATE,
  };
  const st = statSync(join(out, PATH));
  const cached: CacheEntry = { ...manifest, renderer: 'slides-md', size: st.size, mtimeMs: st.mtimeMs };
  return { out, manifest, cached, file: join(out, PATH) };
}
const previousOf = (manifest: ManifestEntry[], cache: CacheEntry[]): Previous => ({
  manifest: new Map(manifest.map((e) => [e.path, e])),
  cache: new Map(cache.map((e) => [e.path, e])),
  topics: new Map(),
});
const touch = (file: string) => utimesSync(file, new Date(1_000_000_000_000), new Date(1_000_000_000_000));

describe('readPrevious', () => {
  it('reads the manifest and the cache of this version', () => {
    const { out, manifest, cached } = built();
    writeFileSync(join(out, MANIFEST), manifestBytes([manifest], '1.0.0', undefined));
    mkdirSync(join(out, '.deckhand'));
    const memos = new Map([['t', { key: 'k', diagnostics: [] }]]);
    writeFileSync(join(out, CACHE_FILE), cacheBytes([cached], memos, '1.0.0'));
    const previous = readPrevious(out, '1.0.0');
    expect(previous.manifest.get(PATH)).toEqual(manifest);
    expect(previous.cache.get(PATH)).toEqual(cached);
    expect(previous.topics).toEqual(memos);
    // A new deckhand version drops the cache (renderers changed) but keeps the manifest's record.
    const next = readPrevious(out, '1.0.1');
    expect([next.manifest.size, next.cache.size, next.topics.size]).toEqual([1, 0, 0]);
  });

  it('nothingBefore is empty', () => {
    expect(nothingBefore()).toEqual({ manifest: new Map(), cache: new Map(), topics: new Map() });
  });
});

describe('freshness', () => {
  it('vouches for an artifact by its cache entry, else by its manifest entry', () => {
    const { out, manifest, cached } = built();
    expect(freshness(previousOf([manifest], [cached]), out, undefined)(PATH, 'slides-md', 'in-1')).toBe(cached);
    expect(freshness(previousOf([manifest], []), out, undefined)(PATH, 'slides-md', 'in-1')).toMatchObject(manifest);
    // The cache entry wins: its renderer differs, so the manifest entry is not asked.
    const other = { ...cached, renderer: 'old-renderer' };
    expect(freshness(previousOf([manifest], [other]), out, undefined)(PATH, 'slides-md', 'in-1')).toBeUndefined();
    expect(freshness(nothingBefore(), out, undefined)(PATH, 'slides-md', 'in-1')).toBeUndefined();
  });

  it('remembers each answer: a file whose mtime moved is hashed once, though asked twice', () => {
    const { out, cached, file } = built('slide text\n');
    touch(file);
    const fresh = freshness(previousOf([], [cached]), out, undefined);
    const first = fresh(PATH, 'slides-md', 'in-1');
    expect(first).toBeDefined();
    // Changed on disk after the first answer: the memo still gives it (one answer per build).
    writeFileSync(file, 'slide TEXT\n');
    touch(file);
    expect(fresh(PATH, 'slides-md', 'in-1')).toBe(first);
    // Another question about the same path is answered on its own.
    expect(fresh(PATH, 'slides-md', 'in-2')).toBeUndefined();
    expect(freshness(previousOf([], [cached]), out, undefined)(PATH, 'slides-md', 'in-1')).toBeUndefined();
  });

  it('remembers "not fresh" too', () => {
    const { out, cached, file } = built('slide text\n');
    writeFileSync(file, 'other length\n');
    const fresh = freshness(previousOf([], [cached]), out, undefined);
    expect(fresh(PATH, 'slides-md', 'in-1')).toBeUndefined();
    writeFileSync(file, 'slide text\n');
    utimesSync(file, new Date(cached.mtimeMs), new Date(cached.mtimeMs));
    expect(fresh(PATH, 'slides-md', 'in-1')).toBeUndefined();
  });

  it('with a fixed build date, an artifact of another date is not fresh', () => {
    const { out, cached } = built();
    const previous = previousOf([], [cached]);
    expect(freshness(previous, out, new Date(DATE))(PATH, 'slides-md', 'in-1')).toBe(cached);
    expect(freshness(previous, out, new Date('2026-06-01T00:00:00Z'))(PATH, 'slides-md', 'in-1')).toBeUndefined();
    expect(freshness(previous, out, undefined)(PATH, 'slides-md', 'in-1')).toBe(cached);
  });
});
