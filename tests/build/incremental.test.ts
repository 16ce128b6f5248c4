import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mtimesUnder } from '../helpers/files.js';
import { deckhand, project, REPO } from '../helpers/project.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
type Artifact = { path: string; status: string; topic: string; format: string };
const run = (args: string[], dir: string, env: Record<string, string> = EPOCH) => {
  const r = deckhand(['build', '--json', ...args], dir, env);
  expect(r.code, r.stderr + r.stdout).toBe(0);
  return JSON.parse(r.stdout) as { artifacts: Artifact[]; timings: Record<string, number> };
};
const statuses = (artifacts: Artifact[]) => new Set(artifacts.map((a) => a.status));

describe('incremental builds', () => {
  it('a second build renders and touches nothing: every file keeps its mtime', () => {
    const dir = project('release');
    run([], dir);
    const before = mtimesUnder(join(dir, 'output'));
    expect(Object.keys(before)).toContain('.deckhand/cache.json');
    const second = run([], dir);
    expect(statuses(second.artifacts)).toEqual(new Set(['cached']));
    expect(mtimesUnder(join(dir, 'output'))).toEqual(before);
  });

  it('also without SOURCE_DATE_EPOCH (the date is not an input then)', () => {
    const dir = project('release');
    run(['-a', 'patient'], dir, {});
    const before = mtimesUnder(join(dir, 'output'));
    expect(statuses(run(['-a', 'patient'], dir, {}).artifacts)).toEqual(new Set(['cached']));
    expect(mtimesUnder(join(dir, 'output'))).toEqual(before);
  });

  it('renders only the topic whose content changed', () => {
    const dir = project('release');
    run([], dir);
    appendFileSync(join(dir, 'content/sleep.yaml'), 'references:\n  - {text: A sleep guide}\n');
    const next = run([], dir);
    for (const a of next.artifacts) expect(a.status, a.path).toBe(a.topic === 'sleep' ? 'written' : 'cached');
  });

  it('an image change renders the topics that use it', () => {
    const dir = project('release');
    run([], dir);
    const png = join(dir, 'content/img/cells.png');
    writeFileSync(png, Buffer.concat([readFileSync(png)])); // same bytes: still cached
    expect(statuses(run([], dir).artifacts)).toEqual(new Set(['cached']));
    const bytes = readFileSync(png);
    // Still a valid PNG: a text chunk before IEND changes the bytes, not the picture.
    writeFileSync(png, Buffer.concat([bytes.subarray(0, bytes.length - 12), textChunk('deckhand'), bytes.subarray(bytes.length - 12)]));
    const next = run([], dir);
    const rendered = new Set(next.artifacts.filter((a) => a.status !== 'cached').map((a) => a.topic));
    expect([...rendered]).toEqual(['blood-pressure']);
  });

  it('a template change renders the artifacts made from that template; the config and --force render all', () => {
    const dir = project('release');
    run([], dir);
    const builtin = readFileSync(join(REPO, 'templates/slides.md.hbs'), 'utf8');
    mkdirSync(join(dir, 'templates/patient'), { recursive: true });
    writeFileSync(join(dir, 'templates/patient/slides.md.hbs'), builtin + '\n<!-- patient template -->\n');
    const next = run([], dir);
    for (const a of next.artifacts) {
      const fromIt = a.path.includes('/patient/') && a.format === 'slides';
      expect(a.status === 'cached', a.path).toBe(!fromIt);
    }
    writeFileSync(join(dir, 'deckhand.config.yaml'), 'lang: en\n');
    expect(statuses(run([], dir).artifacts).has('cached')).toBe(false);
    expect(statuses(run(['--force'], dir).artifacts).has('cached')).toBe(false);
  });

  it('a hand-edited artifact is rendered again', () => {
    const dir = project('release');
    run(['-a', 'student'], dir);
    const file = join(dir, 'output/sleep/student/slides.md');
    writeFileSync(file, 'edited by hand');
    const next = run(['-a', 'student'], dir);
    expect(next.artifacts.find((a) => a.path === 'sleep/student/slides.md')?.status).toBe('written');
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
