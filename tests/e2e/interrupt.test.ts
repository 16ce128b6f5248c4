import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qpdfCheck } from '../helpers/pdf.js';
import { CLI, deckhand, project } from '../helpers/project.js';
import { snapshot, tempFiles } from '../helpers/tree.js';

/*
 * An interrupted build (Ctrl-C, a cancelled CI job, kill -9) must leave every output either as it
 * was or complete and new, never half-written; after SIGINT/SIGTERM no temp file is left behind.
 * Twenty topics are built once (v1); then every topic changes (v2) and a build is interrupted as
 * soon as its first new artifact lands. Each file must then match v1 or v2 byte for byte.
 */
const TOPICS = 20;
const ENV = { SOURCE_DATE_EPOCH: '1700000000' };
const ARGS = ['build', '-a', 'student'];

function topics(version: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (let t = 0; t < TOPICS; t++) {
    const sections = Array.from(
      { length: 6 },
      (_, s) =>
        `  - title: Section ${s} of topic ${t} ${version}\n` +
        `    body: "A paragraph of body text for section ${s}, with ` +
        `**bold** words and a [link](https://example.org/${s})."\n    points: [First point ${version}, Second ` +
        `point, Third point]\n`,
    ).join('');
    files[`content/topic-${String(t).padStart(2, '0')}.yaml`] =
      `title: Topic ${t} ${version}\nsummary: The main message of topic ${t}.\nsections:\n${sections}`;
  }
  return files;
}

let v1: Record<string, string>;
let v2: Record<string, string>;
let base: string;

beforeAll(() => {
  base = project(undefined, topics('v1'));
  const a = deckhand(ARGS, base, ENV);
  expect(a.code, a.stderr).toBe(0);
  v1 = outputs(base);
  const next = project(undefined, topics('v2'));
  const b = deckhand(ARGS, next, ENV);
  expect(b.code, b.stderr).toBe(0);
  v2 = outputs(next);
}, 300_000);

/** Output files and their hashes, relative to the output folder (not the incremental cache: it records mtimes). */
function outputs(dir: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(snapshot(join(dir, 'output'))).filter(([p]) => !p.endsWith('/') && !p.startsWith('.deckhand/')),
  );
}

/** Starts a v2 build over the v1 outputs, and sends `signal` once the first new artifact is in place. */
async function interrupted(signal: NodeJS.Signals) {
  const dir = project();
  cpSync(base, dir, { recursive: true });
  for (const [rel, text] of Object.entries(topics('v2'))) writeFileSync(join(dir, rel), text);
  const out = join(dir, 'output');
  // Artifacts, not temp files: one of those appears before its artifact is renamed into place.
  const mtimes = () =>
    readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.endsWith('.deckhand-tmp'))
      .flatMap((e) => statSync(join(e.parentPath, e.name), { throwIfNoEntry: false })?.mtimeMs ?? []);
  const before = Math.max(...mtimes());

  const child = spawn(process.execPath, [CLI, ...ARGS], { cwd: dir, env: { ...process.env, ...ENV, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (code, sig) => done({ code, signal: sig })),
  );
  let sent = false;
  const poll = setInterval(() => {
    if (!sent && mtimes().some((m) => m > before)) {
      sent = true;
      child.kill(signal);
    }
  }, 10);
  const result = await exited;
  clearInterval(poll);
  return { dir, ...result, sent, stderr, files: outputs(dir) };
}

function expectOldOrNew(files: Record<string, string>) {
  let old = 0;
  let fresh = 0;
  for (const [path, hash] of Object.entries(files)) {
    if (path.includes('deckhand-tmp')) continue;
    expect([v1[path], v2[path]], `${path} is neither the earlier nor the new version`).toContain(hash);
    if (hash === v1[path] && v1[path] !== v2[path]) old++;
    if (hash === v2[path] && v1[path] !== v2[path]) fresh++;
  }
  expect(
    Object.keys(v1).every((p) => p in files),
    'no earlier output was removed',
  ).toBe(true);
  return { old, fresh };
}

describe('an interrupted build', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s in the middle: exit %i, no temp files, every output old or new, never half-written',
    async (signal, code) => {
      const r = await interrupted(signal);
      expect(r.sent, 'the build finished before any new artifact appeared').toBe(true);
      expect({ code: r.code, signal: r.signal }, r.stderr).toEqual({ code, signal: null });
      expect(tempFiles(r.dir)).toEqual([]);
      const { old, fresh } = expectOldOrNew(r.files);
      // It really was stopped in the middle: some artifacts are new, some still old, and the
      // manifest (written last) still describes the earlier build.
      expect(fresh).toBeGreaterThan(0);
      expect(old).toBeGreaterThan(0);
      expect(r.files['manifest.json']).toBe(v1['manifest.json']);
      for (const [path] of Object.entries(r.files).filter(([p]) => p.endsWith('.pdf')))
        expect(qpdfCheck(join(r.dir, 'output', path)), path).toBe(0);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    },
    120_000,
  );

  it(
    'kill -9 in the middle: every output is still old or new (a temp file may stay; the next build replaces ' +
      'everything)',
    async () => {
      const r = await interrupted('SIGKILL');
      expect(r.signal).toBe('SIGKILL');
      const { fresh } = expectOldOrNew(r.files);
      expect(fresh).toBeGreaterThan(0);
      const again = deckhand(ARGS, r.dir, ENV);
      expect(again.code, again.stderr).toBe(0);
      const after = outputs(r.dir);
      for (const [path, hash] of Object.entries(v2)) expect(after[path], path).toBe(hash);
    },
    120_000,
  );
});

/** Processes (browsers included, wherever they were re-parented) that carry this mark in their environment. */
function marked(mark: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').includes(mark)) pids.push(Number(pid));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

describe('an interrupted build with a browser', () => {
  it('SIGINT while slide PDFs render in Chromium (in worker threads): exit 130, no browser process left', async () => {
    const dir = project(undefined, topics('v1'));
    const mark = `DECKHAND_TEST_MARK=${process.pid}-${Date.now()}`;
    const child = spawn(process.execPath, [CLI, 'build', '-f', 'slides-pdf', '-a', 'student', '-j', '2'], {
      cwd: dir,
      env: { ...process.env, ...ENV, NO_COLOR: '1', DECKHAND_TEST_MARK: mark.split('=')[1]! },
    });
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    let during = 0;
    const poll = setInterval(() => {
      let pdfs: unknown[] = [];
      try {
        pdfs = readdirSync(join(dir, 'output'), { recursive: true }).filter((p) => String(p).endsWith('slides.pdf'));
      } catch {
        return; // no output folder yet
      }
      if (pdfs.length) {
        clearInterval(poll);
        during = marked(mark).length; // deckhand and its browser processes
        child.kill('SIGINT');
      }
    }, 20);
    expect(await exited).toBe(130);
    clearInterval(poll);
    expect(during, 'Chromium was running when the signal came').toBeGreaterThan(1);
    await expect.poll(() => marked(mark), { timeout: 10_000 }).toEqual([]);
    expect(tempFiles(dir)).toEqual([]);
  }, 120_000);
});
