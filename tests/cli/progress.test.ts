import { describe, expect, it } from 'vitest';
import type { ArtifactRecord, BuildResult } from '../../src/build/types.js';
import type { Io } from '../../src/cli/io.js';
import { createReporter, reportMode } from '../../src/cli/reporter.js';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

const CONTROL = /[\x00-\x09\x0b-\x1f\x7f]/; // anything but \n

function fakeIo(interactive: boolean, color: boolean) {
  const chunks: string[] = [];
  const stdout: string[] = [];
  const io: Io = {
    out: (t) => stdout.push(t + '\n'),
    err: (t) => chunks.push(t + '\n'),
    errRaw: (t) => chunks.push(t),
    color,
    interactive,
    columns: 100,
    cwd: process.cwd(),
    env: process.env,
  };
  return { io, stderr: () => chunks.join(''), stdout: () => stdout.join('') };
}

const artifact = (topic: string, audience: string, file: string, status: ArtifactRecord['status']): ArtifactRecord => ({
  path: `${topic}/${audience}/${file}`,
  topic,
  audience,
  format: file.startsWith('slides') ? 'slides' : 'handout',
  renderer: file,
  bytes: 2048,
  sha256: '0'.repeat(64),
  pages: 4,
  inputs: '1'.repeat(64),
  date: '2026-01-01T00:00:00.000Z',
  written: status === 'written',
  status,
});

function drive(mode: ReturnType<typeof reportMode>, io: Io) {
  const artifacts = [
    artifact('asthma', 'patient', 'slides.md', 'written'),
    artifact('asthma', 'patient', 'handout.pdf', 'cached'),
    artifact('sleep', 'student', 'slides.md', 'unchanged'),
  ];
  const reporter = createReporter(io, mode);
  reporter.onProgress({ type: 'plan', total: 3, cached: 1, topics: 2 });
  artifacts.forEach((a, i) => {
    reporter.onProgress({ type: 'render', path: a.path, topic: a.topic, audience: a.audience });
    reporter.onProgress({ type: 'artifact', artifact: a, done: i + 1, total: 3 });
  });
  const result: BuildResult = {
    ok: true,
    outDir: '/tmp/x/output',
    artifacts,
    diagnostics: [
      { severity: 'warning', code: 'DH_TEST', message: 'a warning', file: 'content/a.yaml', line: 1, col: 1 },
    ],
    timings: { load: 1, total: 12 },
    removed: [],
    sources: [],
    threads: 1,
  };
  reporter.finish(result);
}

describe('progress output', () => {
  it('on a terminal: a redrawn progress bar, then a summary table', async () => {
    const { io, stderr } = fakeIo(true, true);
    drive(reportMode(io, {}), io);
    const text = stderr();
    expect(text).toContain('\r\x1b[2K');
    expect(text).toMatch(/3\/3 {2}sleep\/student/);
    const lines = text.replace(/\r\x1b\[2K/g, '\n');
    expect(lines).toMatch(/^topic +audience +slides\.md +handout\.pdf$/m);
    expect(lines).toMatch(/^asthma +patient +new 4 slides +cached 4 pages$/m);
    expect(text).toContain('\x1b[33mwarning\x1b[0m');
  });

  it('NO_COLOR: the bar still redraws, but without colour codes', async () => {
    const { io, stderr } = fakeIo(true, false);
    drive('tty', io);
    expect(stderr()).not.toMatch(/\x1b\[\d+m/);
  });

  it('in CI, not a terminal, or --quiet: one plain line per artifact, no control characters', async () => {
    for (const [interactive, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const { io, stderr } = fakeIo(interactive, false);
      drive(reportMode(io, { quiet }), io);
      expect(stderr()).not.toMatch(CONTROL);
      expect(
        stderr()
          .split('\n')
          .filter((l) => /^(written|cached|unchanged) +\S+\/\S+\/\S+/.test(l)),
      ).toHaveLength(3);
    }
  });

  it('--json: one JSON document with artifacts, errors, warnings and timings', async () => {
    const { io, stdout, stderr } = fakeIo(true, true);
    drive(reportMode(io, { json: true }), io);
    const json = JSON.parse(stdout());
    expect(json).toMatchObject({ ok: true, errors: [], warnings: [{ code: 'DH_TEST' }], timings: { total: 12 } });
    expect(json.artifacts).toHaveLength(3);
    expect(stderr()).toBe('');
  });

  it('the CLI in CI=true prints one line per artifact and a closing line', async () => {
    const dir = project('release');
    const r = await runDeckhand(['build', '-a', 'patient'], dir, { CI: 'true' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(CONTROL);
    const lines = r.stderr.trim().split('\n');
    const manifest = JSON.parse((await runDeckhand(['build', '--json', '-a', 'patient'], dir)).stdout);
    expect(lines.filter((l) => /^written +\S+\/patient\//.test(l))).toHaveLength(manifest.artifacts.length);
    expect(lines.at(-1)).toMatch(/^built \d+ artifacts \(\d+ written\) for 5 topics in .* → output$/);
  });
});
