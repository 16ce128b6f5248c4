import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, hashesUnder } from '../helpers/files.js';
import { deckhand, project } from '../helpers/project.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const manifestPaths = (dir: string, out = 'output') => JSON.parse(readFileSync(join(dir, out, 'manifest.json'), 'utf8')).artifacts.map((e: { path: string }) => e.path) as string[];

describe('deckhand build --check', () => {
  it('passes on fresh outputs, lists a hand-edited and a missing artifact, exit 1, and writes nothing', () => {
    const dir = project('release');
    expect(deckhand(['build'], dir, EPOCH).code).toBe(0);
    const ok = deckhand(['build', '--check'], dir, { SOURCE_DATE_EPOCH: '1800000000' }); // recorded dates win
    expect(ok.code, ok.stderr).toBe(0);

    writeFileSync(join(dir, 'output/asthma/patient/slides.md'), 'edited by hand\n');
    const handout = filesUnder(join(dir, 'output/sleep/student')).find((f) => f.startsWith('handout'))!;
    rmSync(join(dir, 'output/sleep/student', handout));
    const before = hashesUnder(join(dir, 'output'));
    const r = deckhand(['build', '--check'], dir, EPOCH);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^stale +asthma\/patient\/slides\.md/m);
    expect(r.stderr).toMatch(/^missing +sleep\/student\/handout\./m);
    expect(r.stderr).toContain('2 artifacts out of date');
    expect(hashesUnder(join(dir, 'output'))).toEqual(before);

    const json = JSON.parse(deckhand(['build', '--check', '--json'], dir, EPOCH).stdout);
    expect(json.ok).toBe(false);
    expect(json.check.stale).toEqual(['asthma/patient/slides.md']);
    expect(json.check.missing).toHaveLength(1);

    expect(deckhand(['build'], dir, EPOCH).code).toBe(0);
    expect(deckhand(['build', '--check'], dir, EPOCH).code).toBe(0);
  });

  it('without SOURCE_DATE_EPOCH it compares at the date each artifact was built with', () => {
    const dir = project('release');
    expect(deckhand(['build', '-a', 'patient'], dir, {}).code).toBe(0);
    const r = deckhand(['build', '--check', '-a', 'patient'], dir, {});
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('partial builds and the manifest', () => {
  it('-a, -f and paths merge into the manifest instead of dropping other entries', () => {
    const dir = project('release');
    deckhand(['build'], dir, EPOCH);
    const full = readFileSync(join(dir, 'output/manifest.json'), 'utf8');
    writeFileSync(join(dir, 'content/sleep.yaml'), readFileSync(join(dir, 'content/sleep.yaml'), 'utf8').replace('Healthy sleep', 'Good sleep'));
    expect(deckhand(['build', '-a', 'patient', '-f', 'slides', 'content/sleep.yaml'], dir, EPOCH).code).toBe(0);
    const paths = manifestPaths(dir);
    expect(paths).toEqual(JSON.parse(full).artifacts.map((e: { path: string }) => e.path));
    const out = join(dir, 'output');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const hashes = hashesUnder(out);
    for (const e of manifest.artifacts) expect(e.sha256, e.path).toBe(hashes[e.path]);
  });
});

describe('deckhand build --clean', () => {
  it('removes artifacts of deleted topics and dropped audiences, and nothing it did not write', () => {
    const dir = project('release');
    deckhand(['build'], dir, EPOCH);
    writeFileSync(join(dir, 'output/notes.txt'), 'mine');
    rmSync(join(dir, 'content/sleep.yaml'));
    writeFileSync(join(dir, 'content/vaccines.yaml'), 'audiences: [patient]\n' + readFileSync(join(dir, 'content/vaccines.yaml'), 'utf8'));
    const keep = deckhand(['build'], dir, EPOCH);
    expect(keep.code).toBe(0);
    expect(existsSync(join(dir, 'output/sleep'))).toBe(true); // only --clean removes
    const r = deckhand(['build', '--clean'], dir, EPOCH);
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

describe('deckhand build --shard', () => {
  it('n shards build every artifact exactly once; built into one folder they give the full build', () => {
    const whole = project('release');
    deckhand(['build'], whole, EPOCH);
    const all = manifestPaths(whole);
    const dir = project('release');
    const seen: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const r = deckhand(['build', '--shard', `${i}/3`, '-o', `out${i}`], dir, EPOCH);
      expect(r.code, r.stderr).toBe(0);
      if (existsSync(join(dir, `out${i}/manifest.json`))) seen.push(...manifestPaths(dir, `out${i}`));
      expect(deckhand(['build', '--shard', `${i}/3`], dir, EPOCH).code).toBe(0);
    }
    expect(seen.sort()).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(hashesUnder(join(dir, 'output'))).toEqual(hashesUnder(join(whole, 'output')));
  });

  it('the split is stable and a bad shard is a usage error', () => {
    const dir = project('release');
    const topicsOf = (i: number) => JSON.parse(deckhand(['build', '--json', '--shard', `${i}/2`, '-f', 'slides'], dir, EPOCH).stdout).artifacts.map((a: { topic: string }) => a.topic);
    expect(topicsOf(1)).toEqual(topicsOf(1));
    for (const bad of ['0/2', '3/2', '1/0', 'two']) expect(deckhand(['build', '--shard', bad], dir).code, bad).toBe(2);
    expect(deckhand(['build', '--jobs', '0'], dir).code).toBe(2);
  });
});
