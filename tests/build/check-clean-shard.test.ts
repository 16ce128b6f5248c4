import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import type { BuildOptions } from '../../src/build/types.js';
import { filesUnder, hashesUnder } from '../helpers/files.js';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const api = (cwd: string, options: BuildOptions = {}) => build({ cwd, env: EPOCH, ...options });
const manifestPaths = (dir: string, out = 'output') =>
  JSON.parse(readFileSync(join(dir, out, 'manifest.json'), 'utf8')).artifacts.map(
    (e: { path: string }) => e.path,
  ) as string[];

describe('deckhand build --check', () => {
  it('lists a hand-edited and a missing artifact, exits 1 and writes nothing; passes after a build', async () => {
    const dir = project('release');
    const args = ['build', '-a', 'patient', 'content/sleep.yaml', 'content/asthma.yaml'];
    expect((await runDeckhand(args, dir, EPOCH)).code).toBe(0);
    // recorded dates win
    expect((await runDeckhand([...args, '--check'], dir, { SOURCE_DATE_EPOCH: '1800000000' })).code).toBe(0);

    writeFileSync(join(dir, 'output/asthma/patient/slides.md'), 'edited by hand\n');
    rmSync(join(dir, 'output/sleep/patient/handout.pdf'));
    const before = hashesUnder(join(dir, 'output'));
    const r = await runDeckhand([...args, '--check'], dir, EPOCH);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^stale +asthma\/patient\/slides\.md/m);
    expect(r.stderr).toMatch(/^missing +sleep\/patient\/handout\.pdf/m);
    expect(r.stderr).toMatch(
      /^2 of \d+ artifacts out of date \(1 stale, 1 missing\) in 2 topics: run "deckhand build"/m,
    );
    expect(hashesUnder(join(dir, 'output'))).toEqual(before);

    expect((await runDeckhand(args, dir, EPOCH)).code).toBe(0);
    expect((await runDeckhand([...args, '--check'], dir, EPOCH)).code).toBe(0);
  });

  it('result.check and ok; each artifact is compared at the date it was built with (now is later)', async () => {
    const dir = project('release');
    const opts: BuildOptions = { audiences: ['student'] };
    await api(dir, opts); // dated 2026-01-01
    const clean = await api(dir, { ...opts, check: true, env: {} });
    expect(clean.ok).toBe(true);
    expect(clean.check).toEqual({ stale: [], missing: [] });
    expect(clean.artifacts.every((a) => a.status === 'current')).toBe(true);
    writeFileSync(join(dir, 'output/vaccines/student/slides.html'), '<p>edited</p>');
    const stale = await api(dir, { ...opts, check: true, env: {} });
    expect(stale.ok).toBe(false);
    expect(stale.check).toEqual({ stale: ['vaccines/student/slides.html'], missing: [] });
  });
});

describe('partial builds and the manifest', () => {
  it('-a, -f and paths merge into the manifest instead of dropping other entries', async () => {
    const dir = project('release');
    await api(dir, { audiences: ['patient', 'student'] });
    const before = manifestPaths(dir);
    writeFileSync(
      join(dir, 'content/sleep.yaml'),
      readFileSync(join(dir, 'content/sleep.yaml'), 'utf8').replace('Healthy sleep', 'Good sleep'),
    );
    const part = await api(dir, { audiences: ['patient'], formats: ['slides'], paths: ['content/sleep.yaml'] });
    expect(part.artifacts.map((a) => a.path)).toEqual(['sleep/patient/slides.md', 'sleep/patient/slides.html']);
    expect(manifestPaths(dir)).toEqual(before);
    const out = join(dir, 'output');
    const hashes = hashesUnder(out);
    for (const e of JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).artifacts)
      expect(e.sha256, e.path).toBe(hashes[e.path]);
  });
});

describe('--clean', () => {
  it('removes artifacts of deleted topics and dropped audiences, and nothing it did not write', async () => {
    const dir = project('release');
    const opts: BuildOptions = { formats: ['slides'] };
    await api(dir, opts);
    writeFileSync(join(dir, 'output/notes.txt'), 'mine');
    rmSync(join(dir, 'content/sleep.yaml'));
    writeFileSync(
      join(dir, 'content/vaccines.yaml'),
      'audiences: [patient]\n' + readFileSync(join(dir, 'content/vaccines.yaml'), 'utf8'),
    );
    expect((await api(dir, opts)).removed).toEqual([]);
    expect(existsSync(join(dir, 'output/sleep'))).toBe(true); // only --clean removes

    const r = await runDeckhand(['build', '-f', 'slides', '--clean'], dir, EPOCH);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^removed +sleep\/patient\/slides\.md/m);
    expect(existsSync(join(dir, 'output/sleep'))).toBe(false);
    expect(existsSync(join(dir, 'output/vaccines/student'))).toBe(false);
    expect(existsSync(join(dir, 'output/vaccines/patient'))).toBe(true);
    expect(readFileSync(join(dir, 'output/notes.txt'), 'utf8')).toBe('mine');
    const paths = manifestPaths(dir);
    expect(paths.some((p) => p.startsWith('sleep/') || p.startsWith('vaccines/student/'))).toBe(false);
    expect(paths).toEqual(filesUnder(join(dir, 'output')).filter((f) => f !== 'manifest.json' && f !== 'notes.txt'));
  });
});

describe('--shard', () => {
  it('n shards build every artifact exactly once; built into one folder they give the full build', async () => {
    const opts: BuildOptions = { formats: ['slides'], audiences: ['patient', 'clinician'] };
    const whole = project('release');
    await api(whole, opts);
    const all = manifestPaths(whole);
    const dir = project('release');
    const seen: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const r = await api(dir, { ...opts, shard: `${i}/3`, out: `out${i}` });
      expect(r.ok).toBe(true);
      seen.push(...r.artifacts.map((a) => a.path));
      await api(dir, { ...opts, shard: { index: i, count: 3 } });
    }
    expect(seen.sort()).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(hashesUnder(join(dir, 'output'))).toEqual(hashesUnder(join(whole, 'output')));
  });

  it('the split is stable; a bad --shard or --jobs is a usage error', async () => {
    const dir = project('release');
    const topicsOf = async (i: number) =>
      JSON.parse(
        (await runDeckhand(['build', '--json', '--shard', `${i}/2`, '-f', 'slides', '-a', 'patient'], dir, EPOCH))
          .stdout,
      ).artifacts.map((a: { topic: string }) => a.topic);
    expect(await topicsOf(1)).toEqual(await topicsOf(1));
    for (const bad of ['0/2', '3/2', '1/0', 'two'])
      expect((await runDeckhand(['build', '--shard', bad], dir)).code, bad).toBe(2);
    expect((await runDeckhand(['build', '--jobs', '0'], dir)).code).toBe(2);
  });
});
