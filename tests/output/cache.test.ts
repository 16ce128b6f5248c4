import { createHash } from 'node:crypto';
import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CACHE_FILE,
  cacheBytes,
  cacheEntry,
  freshEntry,
  readCache,
  type CacheEntry,
} from '../../src/output/cache.js';
import type { ManifestEntry } from '../../src/output/manifest.js';
import { project } from '../helpers/project.js';

const PATH = 't/patient/slides.md';
const DATE = '2026-01-01T00:00:00.000Z';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** An output folder with one artifact, and its manifest and cache entries as a build left them. */
function artifact(text = 'slide text\n') {
  const out = project(undefined, { [PATH]: text });
  const manifest: ManifestEntry = {
    path: PATH,
    topic: 't',
    audience: 'patient',
    format: 'slides',
    bytes: Buffer.byteLength(text),
    sha256: sha(text),
    inputs: 'in-1',
    date: DATE,
  };
  const st = statSync(join(out, PATH));
  const cached: CacheEntry = { ...manifest, renderer: 'slides-md', size: st.size, mtimeMs: st.mtimeMs };
  return { out, manifest, cached, file: join(out, PATH) };
}
const want = { renderer: 'slides-md', inputs: 'in-1' };
/** Moves a file's mtime (a git checkout, a restored CI cache) without touching its bytes. */
const touch = (file: string) => utimesSync(file, new Date(1_000_000_000_000), new Date(1_000_000_000_000));

describe('readCache', () => {
  const write = (json: unknown) =>
    project(undefined, { [CACHE_FILE]: typeof json === 'string' ? json : JSON.stringify(json) });

  it('reads back what cacheBytes wrote, for the same version', () => {
    const { out, cached } = artifact();
    const memo = { key: 'k', diagnostics: [{ severity: 'warning' as const, code: 'DH_X', message: 'm' }] };
    mkdirSync(join(out, '.deckhand'));
    writeFileSync(join(out, CACHE_FILE), cacheBytes([cached], new Map([['t', memo]]), '1.0.0'));
    const cache = readCache(out, '1.0.0');
    expect([...cache.entries.values()]).toEqual([cached]);
    expect(cache.topics.get('t')).toEqual(memo);
  });

  it('is empty for another deckhand version or cache format, a missing or garbled file, a folder', () => {
    const { cached } = artifact();
    const good = { format: 2, version: '1.0.0', entries: [cached], topics: {} };
    expect(readCache(write(good), '1.0.0').entries.size).toBe(1);
    for (const json of [
      { ...good, version: '1.0.1' },
      { ...good, format: 1 },
      { ...good, format: undefined },
      { ...good, entries: {} },
      '{"format": 2,',
      'null',
    ]) {
      const cache = readCache(write(json), '1.0.0');
      expect([cache.entries.size, cache.topics.size], JSON.stringify(json)).toEqual([0, 0]);
    }
    expect(readCache(project(), '1.0.0').entries.size).toBe(0);
    const folder = project();
    mkdirSync(join(folder, CACHE_FILE), { recursive: true });
    expect(readCache(folder, '1.0.0').entries.size).toBe(0);
  });
});

describe('cacheBytes', () => {
  it('is sorted by path and topic, whatever the order given, and keeps only cache fields', () => {
    const { cached } = artifact();
    const other = { ...cached, path: 'a/patient/slides.md', extra: 'dropped' } as CacheEntry;
    const memos = (order: string[]) => new Map(order.map((t) => [t, { key: t, diagnostics: [] }]));
    const one = new TextDecoder().decode(cacheBytes([cached, other], memos(['b', 'a']), 'v'));
    const two = new TextDecoder().decode(cacheBytes([other, cached], memos(['a', 'b']), 'v'));
    expect(one).toBe(two);
    const json = JSON.parse(one);
    expect(json.entries.map((e: CacheEntry) => e.path)).toEqual(['a/patient/slides.md', PATH]);
    expect(Object.keys(json.topics)).toEqual(['a', 'b']);
    expect(json.entries[0]).not.toHaveProperty('extra');
    expect(json).toMatchObject({ format: 2, version: 'v' });
  });
});

describe('cacheEntry', () => {
  it('is the file as it is on disk now, or undefined when it is gone', () => {
    const { out, manifest, file } = artifact('four');
    writeFileSync(file, 'now longer');
    expect(cacheEntry(manifest, 'slides-md', out)).toEqual({
      ...manifest,
      renderer: 'slides-md',
      size: 10,
      mtimeMs: statSync(file).mtimeMs,
    });
    expect(cacheEntry({ ...manifest, path: 'x/y/z' }, 'slides-md', out)).toBeUndefined();
  });
});

describe('freshEntry', () => {
  it('an untouched artifact with the same inputs and renderer is fresh (its cache entry)', () => {
    const { out, cached } = artifact();
    expect(freshEntry(cached, want, out)).toBe(cached);
  });

  it('is stale for no entry, other inputs, another renderer or, with a fixed date, another date', () => {
    const { out, cached } = artifact();
    expect(freshEntry(undefined, want, out)).toBeUndefined();
    expect(freshEntry(cached, { ...want, inputs: 'in-2' }, out)).toBeUndefined();
    expect(freshEntry(cached, { ...want, renderer: 'slides-html' }, out)).toBeUndefined();
    expect(freshEntry(cached, { ...want, date: '2026-02-01T00:00:00.000Z' }, out)).toBeUndefined();
    expect(freshEntry(cached, { ...want, date: DATE }, out)).toBe(cached);
    // Without SOURCE_DATE_EPOCH the date is no input: an artifact of any date is fresh.
    expect(freshEntry({ ...cached, date: '2020-01-01T00:00:00.000Z' }, want, out)).toBeDefined();
  });

  it('an unchanged mtime and size are trusted without reading the file', () => {
    const { out, cached } = artifact();
    // The recorded hash is wrong, but the file is as this build left it: not read again.
    expect(freshEntry({ ...cached, sha256: 'wrong' }, want, out)?.sha256).toBe('wrong');
  });

  it('a file whose size changed is stale, even with its mtime restored', () => {
    const { out, cached, file } = artifact();
    writeFileSync(file, 'slide text, edited\n');
    utimesSync(file, new Date(cached.mtimeMs), new Date(cached.mtimeMs));
    expect(freshEntry(cached, want, out)).toBeUndefined();
  });

  it('mtime moved but the same bytes: fresh, with the new mtime; different bytes of one size: stale', () => {
    const { out, cached, file } = artifact('slide text\n');
    touch(file);
    const fresh = freshEntry(cached, want, out);
    expect(fresh).toEqual({ ...cached, mtimeMs: statSync(file).mtimeMs });
    expect(fresh!.mtimeMs).not.toBe(cached.mtimeMs);
    writeFileSync(file, 'slide TEXT\n'); // same length
    touch(file);
    expect(freshEntry(cached, want, out)).toBeUndefined();
  });

  it('a manifest entry (no cache) is checked by hash, and any renderer stands for its file name', () => {
    const { out, manifest, file } = artifact();
    const fresh = freshEntry(manifest, { ...want, renderer: 'custom' }, out);
    expect(fresh).toEqual({ ...manifest, renderer: 'custom', size: manifest.bytes, mtimeMs: statSync(file).mtimeMs });
    expect(freshEntry({ ...manifest, sha256: sha('other') }, want, out)).toBeUndefined();
  });

  it('a missing artifact, or a folder in its place, is stale', () => {
    const { out, cached } = artifact();
    expect(freshEntry({ ...cached, path: 'x/patient/slides.md' }, want, out)).toBeUndefined();
    const dir = project();
    mkdirSync(join(dir, PATH), { recursive: true });
    expect(freshEntry(cached, want, dir)).toBeUndefined();
  });
});
