import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import type { BuildOptions } from '../../src/build/types.js';
import { mtimesUnder } from '../helpers/files.js';
import { project, REPO } from '../helpers/project.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
// In this thread (the API), the renderers stay loaded between builds: quick tests of the pipeline.
const run = async (cwd: string, options: BuildOptions = {}) => {
  const r = await build({ cwd, env: EPOCH, audiences: ['patient', 'student'], ...options });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.artifacts;
};
const statuses = (artifacts: { status: string }[]) => new Set(artifacts.map((a) => a.status));

describe('incremental builds', () => {
  it('a second build renders and touches nothing: every file keeps its mtime', async () => {
    const dir = project('release');
    await run(dir);
    const before = mtimesUnder(join(dir, 'output'));
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['.deckhand/cache.json', 'manifest.json', 'sleep/patient/handout.pdf']),
    );
    expect(statuses(await run(dir))).toEqual(new Set(['cached']));
    expect(mtimesUnder(join(dir, 'output'))).toEqual(before);
  });

  it('an up-to-date topic is not even resolved again, but its warnings are reported again', async () => {
    const dir = project('release');
    const first = await build({ cwd: dir, env: EPOCH, audiences: ['patient'] });
    expect(first.diagnostics.length).toBeGreaterThan(0); // lint warnings of the fixture
    const second = await build({ cwd: dir, env: EPOCH, audiences: ['patient'] });
    const key = (d: { file?: string; line?: number; code: string; message: string }) =>
      `${d.file}:${d.line}:${d.code}:${d.message}`;
    expect(second.diagnostics.map(key).sort()).toEqual(first.diagnostics.map(key).sort());
    expect(second.artifacts.map((a) => a.path)).toEqual(first.artifacts.map((a) => a.path));
    expect(statuses(second.artifacts)).toEqual(new Set(['cached']));
    // The warnings come from the cache's record of the last build (proof: a marked record shows).
    const cacheFile = join(dir, 'output/.deckhand/cache.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    const memo = Object.values(cache.topics as Record<string, { diagnostics: { message: string }[] }>).find(
      (m) => m.diagnostics.length,
    )!;
    memo.diagnostics[0]!.message = 'FROM-THE-RECORD';
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect((await build({ cwd: dir, env: EPOCH, audiences: ['patient'] })).diagnostics.map((d) => d.message)).toContain(
      'FROM-THE-RECORD',
    );
    // A different selection is another record: planned, linted and rendered.
    const student = await build({ cwd: dir, env: EPOCH, audiences: ['student'] });
    expect(statuses(student.artifacts)).toEqual(new Set(['written']));
    expect(student.diagnostics.map((d) => d.message)).not.toContain('FROM-THE-RECORD');
  });

  it('also without SOURCE_DATE_EPOCH (the date is not an input then)', async () => {
    const dir = project('release');
    await run(dir, { env: {} });
    const before = mtimesUnder(join(dir, 'output'));
    expect(statuses(await run(dir, { env: {} }))).toEqual(new Set(['cached']));
    expect(mtimesUnder(join(dir, 'output'))).toEqual(before);
  });

  it(
    'a fresh checkout of built outputs (new mtimes, no cache) renders nothing: same bytes are ' + 'recognised',
    async () => {
      const dir = project('release');
      await run(dir);
      const copy = project();
      cpSync(dir, copy, { recursive: true }); // new mtimes everywhere
      rmSync(join(copy, 'output/.deckhand'), { recursive: true });
      expect(statuses(await run(copy))).toEqual(new Set(['cached']));
      expect(statuses(await run(copy))).toEqual(new Set(['cached']));
    },
  );

  it('renders only the topic whose content changed', async () => {
    const dir = project('release');
    await run(dir);
    appendFileSync(join(dir, 'content/sleep.yaml'), 'references:\n  - {text: A sleep guide}\n');
    for (const a of await run(dir)) expect(a.status, a.path).toBe(a.topic === 'sleep' ? 'written' : 'cached');
  });

  it('an image change renders the topics that use it', async () => {
    const dir = project('release');
    await run(dir);
    const png = join(dir, 'content/img/cells.png');
    writeFileSync(png, readFileSync(png)); // same bytes, new mtime: still cached
    expect(statuses(await run(dir))).toEqual(new Set(['cached']));
    const bytes = readFileSync(png);
    // Still a valid PNG: a text chunk before IEND changes the bytes, not the picture.
    writeFileSync(
      png,
      Buffer.concat([bytes.subarray(0, bytes.length - 12), textChunk('deckhand'), bytes.subarray(bytes.length - 12)]),
    );
    const rendered = new Set((await run(dir)).filter((a) => a.status !== 'cached').map((a) => a.topic));
    expect([...rendered]).toEqual(['blood-pressure']);
  });

  it('a template renders again what it makes; the config and --force render everything', async () => {
    const dir = project('release');
    await run(dir);
    const builtin = readFileSync(join(REPO, 'templates/slides.md.hbs'), 'utf8');
    mkdirSync(join(dir, 'templates/patient'), { recursive: true });
    writeFileSync(join(dir, 'templates/patient/slides.md.hbs'), builtin + '\n<!-- patient template -->\n');
    for (const a of await run(dir))
      expect(a.status === 'cached', a.path).toBe(!(a.audience === 'patient' && a.format === 'slides'));
    writeFileSync(join(dir, 'deckhand.config.yaml'), 'lang: en\n');
    expect(statuses(await run(dir)).has('cached')).toBe(false);
    expect(statuses(await run(dir, { force: true })).has('cached')).toBe(false);
  });

  it('a hand-edited artifact is rendered again', async () => {
    const dir = project('release');
    await run(dir);
    const file = join(dir, 'output/sleep/student/slides.md');
    writeFileSync(file, 'edited by hand');
    const next = await run(dir);
    expect(next.find((a) => a.path === 'sleep/student/slides.md')?.status).toBe('written');
    expect(next.filter((a) => a.status !== 'cached')).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).not.toBe('edited by hand');
  });
});

/** A PNG tEXt chunk. */
function textChunk(text: string): Buffer {
  const data = Buffer.from(`Comment\0${text}`, 'latin1');
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write('tEXt', 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
