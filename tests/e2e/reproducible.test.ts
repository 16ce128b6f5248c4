import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { filesUnder, hashesUnder, sha256 } from '../helpers/files.js';
import { deckhand, FIXTURES, project, REPO } from '../helpers/project.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01T00:00:00Z

describe('reproducible builds', () => {
  // The same release built in two folders (--jobs 1 and 2): the first two tests read these outputs.
  let a: string;
  let bdir: string;
  beforeAll(() => {
    a = project('release');
    bdir = join(project('release'), 'deeper');
    cpSync(join(FIXTURES, 'release'), bdir, { recursive: true });
    for (const [dir, jobs] of [
      [a, '1'],
      [bdir, '2'],
    ] as const) {
      const r = deckhand(['build', '-a', 'patient', '--jobs', jobs], dir, EPOCH);
      expect(r.code, r.stderr).toBe(0);
      expect(
        deckhand(['build', '-a', 'patient', '-f', 'slides-pdf', 'content/blood-pressure.yaml'], dir, EPOCH).code,
      ).toBe(0);
    }
  }, 120_000);

  it(
    'two builds in different folders (--jobs 1 and 2) are byte-identical in every format, with no ' + 'paths in them',
    () => {
      const ha = hashesUnder(join(a, 'output'));
      expect(Object.keys(ha)).toEqual(
        expect.arrayContaining([
          'manifest.json',
          'sleep/patient/slides.md',
          'sleep/patient/slides.html',
          'sleep/patient/handout.pdf',
          'blood-pressure/patient/slides.pdf',
        ]),
      );
      expect(hashesUnder(join(bdir, 'output'))).toEqual(ha);
      for (const f of filesUnder(join(a, 'output'))) {
        const text = readFileSync(join(a, 'output', f)).toString('latin1');
        expect(text, f).not.toContain(a);
        expect(text, f).not.toContain('deckhand-test-');
      }

      // The manifest: every artifact, with hash, size and count matching the file.
      const out = join(a, 'output');
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({
        tool: 'deckhand',
        version: expect.any(String),
        buildDate: '2026-01-01T00:00:00.000Z',
      });
      expect(manifest.artifacts.map((e: { path: string }) => e.path)).toEqual(
        filesUnder(out).filter((f) => f !== 'manifest.json'),
      );
      for (const e of manifest.artifacts) {
        const bytes = readFileSync(join(out, e.path));
        expect(e.sha256, e.path).toBe(sha256(bytes));
        expect(e.bytes).toBe(bytes.byteLength);
        expect(e.path).toBe(`${e.topic}/${e.audience}/${e.path.split('/').pop()}`);
        expect(e.inputs).toMatch(/^[0-9a-f]{64}$/);
        expect(e.date).toBe('2026-01-01T00:00:00.000Z');
        expect(e.pages, e.path).toBeGreaterThan(0);
      }
      const formats = new Set(manifest.artifacts.map((e: { format: string }) => e.format));
      expect([...formats].sort()).toEqual(['handout', 'slides', 'slides-pdf']);
      const info = spawnSync('pdfinfo', ['-isodates', join(out, 'blood-pressure/patient/slides.pdf')], {
        encoding: 'utf8',
      }).stdout;
      expect(info).toMatch(/^CreationDate: +2026-01-01T00:00:00Z$/m);
    },
  );

  it('the PDFs carry the SOURCE_DATE_EPOCH date', () => {
    // The handout of the build above (made with SOURCE_DATE_EPOCH by the spawned CLI).
    const info = spawnSync('pdfinfo', ['-isodates', join(a, 'output/sleep/patient/handout.pdf')], {
      encoding: 'utf8',
    }).stdout;
    expect(info).toMatch(/^CreationDate: +2026-01-01T00:00:00Z$/m);
    expect(info).toMatch(/^ModDate: +2026-01-01T00:00:00Z$/m);
  });

  it('templates see SOURCE_DATE_EPOCH as build.date ("built on" text)', async () => {
    const dir = project('release', {
      'templates/slides.md.hbs':
        readFileSync(join(REPO, 'templates/slides.md.hbs'), 'utf8') +
        '\n<!-- built on {{build.date}} with deckhand {{build.version}} -->\n',
    });
    await build({ cwd: dir, env: EPOCH, formats: ['slides'], audiences: ['patient'], paths: ['content/sleep.yaml'] });
    expect(readFileSync(join(dir, 'output/sleep/patient/slides.md'), 'utf8')).toContain(
      '<!-- built on 2026-01-01 with deckhand ',
    );
  });

  it('the inputs hash follows the content, not the place or the selection', async () => {
    const a = project('release');
    const b = project('release');
    await build({ cwd: a, env: EPOCH, formats: ['slides'] });
    await build({ cwd: b, env: EPOCH, formats: ['slides'], audiences: ['patient'], paths: ['content/sleep.yaml'] });
    const inputs = (dir: string) =>
      Object.fromEntries(
        JSON.parse(readFileSync(join(dir, 'output/manifest.json'), 'utf8')).artifacts.map(
          (e: { path: string; inputs: string }) => [e.path, e.inputs],
        ),
      );
    const full = inputs(a);
    const part = inputs(b);
    expect(Object.keys(part)).toEqual(['sleep/patient/slides.html', 'sleep/patient/slides.md']);
    for (const [path, hash] of Object.entries(part)) expect(full[path]).toBe(hash);
  });

  it('a malformed SOURCE_DATE_EPOCH is a usage error', () => {
    const dir = project('release');
    const r = deckhand(['build'], dir, { SOURCE_DATE_EPOCH: '2026-01-01' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SOURCE_DATE_EPOCH');
  });
});
