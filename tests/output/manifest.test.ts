import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  manifestBytes,
  manifestEntry,
  mergeManifest,
  readManifest,
  type ManifestEntry,
} from '../../src/output/manifest.js';
import { project } from '../helpers/project.js';

const entry = (path: string, over: Partial<ManifestEntry> = {}): ManifestEntry => ({
  path,
  topic: path.split('/')[0]!,
  audience: path.split('/')[1]!,
  format: 'slides',
  bytes: 1,
  sha256: 'a'.repeat(64),
  inputs: 'b'.repeat(64),
  date: '2026-01-01T00:00:00.000Z',
  ...over,
});

/** An output folder holding these files (one byte each). */
const outWith = (...paths: string[]) => project(undefined, Object.fromEntries(paths.map((p) => [p, 'x'])));
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('readManifest', () => {
  it('reads the entries by path', () => {
    const a = entry('t/patient/slides.md', { pages: 3 });
    const b = entry('t/student/handout.pdf', { format: 'handout' });
    const out = project(undefined, { 'manifest.json': JSON.stringify({ artifacts: [b, a] }) });
    const read = readManifest(out);
    expect([...read.keys()]).toEqual(['t/student/handout.pdf', 't/patient/slides.md']);
    expect(read.get('t/patient/slides.md')).toEqual(a);
  });

  it('is empty for a missing folder or file, garbage, and a manifest without a list', () => {
    expect(readManifest(join(project(), 'nope')).size).toBe(0);
    expect(readManifest(project()).size).toBe(0);
    for (const text of ['{"artifacts": [', 'null', '[]', '"text"', '{"artifacts": {"a": 1}}', '\u0000\u0001'])
      expect(readManifest(project(undefined, { 'manifest.json': text })).size, text).toBe(0);
  });

  it('drops entries without a path or hash (a hand-edited manifest)', () => {
    const good = entry('t/patient/slides.md');
    const text = JSON.stringify({
      artifacts: [null, 7, 'x', { path: 'a/b/c' }, { sha256: 'x' }, { path: 1, sha256: 'x' }, good],
    });
    expect([...readManifest(project(undefined, { 'manifest.json': text })).values()]).toEqual([good]);
  });

  it('never reads what is not a regular file: a folder or a FIFO (which would block) is empty', () => {
    const dir = project();
    mkdirSync(join(dir, 'manifest.json'));
    expect(readManifest(dir).size).toBe(0);
    const fifo = project();
    expect(spawnSync('mkfifo', [join(fifo, 'manifest.json')]).status).toBe(0);
    expect(readManifest(fifo).size).toBe(0);
  });
});

describe('mergeManifest', () => {
  it('a partial build keeps the entries of the other artifacts still on disk, and replaces its own', () => {
    const out = outWith('a/patient/slides.md', 'b/patient/slides.md', 'c/patient/slides.md');
    const previous = new Map(
      ['a/patient/slides.md', 'b/patient/slides.md', 'c/patient/slides.md'].map((p) => [p, entry(p)]),
    );
    const rebuilt = entry('b/patient/slides.md', { sha256: 'c'.repeat(64), bytes: 9 });
    const merged = mergeManifest(previous, [rebuilt], out, []);
    expect(merged.map((e) => e.path)).toEqual(['a/patient/slides.md', 'b/patient/slides.md', 'c/patient/slides.md']);
    expect(merged[1]).toEqual(rebuilt);
    expect(merged[0]).toEqual(previous.get('a/patient/slides.md'));
  });

  it('drops removed files and entries whose file is gone; new entries join, sorted by path', () => {
    const out = outWith('a/patient/slides.md', 'z/patient/slides.md');
    const previous = new Map(
      ['a/patient/slides.md', 'gone/patient/slides.md', 'z/patient/slides.md'].map((p) => [p, entry(p)]),
    );
    const merged = mergeManifest(previous, [entry('m/student/handout.pdf')], out, ['z/patient/slides.md']);
    // The file of a removed entry may still exist (the caller removes it): the list says it is gone.
    expect(merged.map((e) => e.path)).toEqual(['a/patient/slides.md', 'm/student/handout.pdf']);
    expect(previous.size).toBe(3); // the previous map is not changed
  });

  it('records only manifest fields of what was built (no cache fields leak in)', () => {
    const built = { ...entry('a/patient/slides.md'), renderer: 'slides-md', size: 1, mtimeMs: 5 };
    const [merged] = mergeManifest(new Map(), [built], outWith(), []);
    expect(merged).toEqual(entry('a/patient/slides.md'));
    expect(Object.keys(merged!)).not.toContain('renderer');
  });
});

describe('manifestBytes', () => {
  const entries = [entry('a/patient/slides.md', { pages: 2 }), entry('b/patient/slides.md')];

  it('is byte-identical for the same entries, whatever order their keys were in', () => {
    const shuffled = entries.map((e) => Object.fromEntries(Object.entries(e).reverse()) as unknown as ManifestEntry);
    expect(decode(manifestBytes(shuffled, '1.2.3', undefined))).toBe(decode(manifestBytes(entries, '1.2.3', undefined)));
    const text = decode(manifestBytes(entries, '1.2.3', undefined));
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual(['tool', 'version', 'buildDate', 'artifacts']);
    expect(Object.keys(JSON.parse(text).artifacts[0])).toEqual([
      'path',
      'topic',
      'audience',
      'format',
      'bytes',
      'sha256',
      'pages',
      'inputs',
      'date',
    ]);
    expect(Object.keys(JSON.parse(text).artifacts[1])).not.toContain('pages');
  });

  it('buildDate: SOURCE_DATE_EPOCH when set, else the newest artifact date, else the epoch', () => {
    const dated = [
      entry('a/patient/slides.md', { date: '2026-03-01T00:00:00.000Z' }),
      entry('b/patient/slides.md', { date: '2026-05-01T10:00:00.000Z' }),
      entry('c/patient/slides.md', { date: '2026-04-01T00:00:00.000Z' }),
    ];
    const date = (list: ManifestEntry[], fixed?: Date) => JSON.parse(decode(manifestBytes(list, 'v', fixed))).buildDate;
    expect(date(dated)).toBe('2026-05-01T10:00:00.000Z');
    expect(date(dated, new Date(1764547200_000))).toBe('2025-12-01T00:00:00.000Z');
    expect(date([])).toBe('1970-01-01T00:00:00.000Z');
  });

  it('holds the tool, the version and the entries as given', () => {
    const json = JSON.parse(decode(manifestBytes(entries, '9.9.9', undefined)));
    expect(json).toMatchObject({ tool: 'deckhand', version: '9.9.9' });
    expect(json.artifacts).toEqual(entries.map(manifestEntry));
  });
});
