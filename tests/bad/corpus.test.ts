import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDiagnostics, STACK_FRAME } from '../helpers/cli-output.js';
import { pdfText, qpdfCheck } from '../helpers/pdf.js';
import { deckhandAsync, FIXTURES, project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';
import { snapshot, tempFiles } from '../helpers/tree.js';
import { generate, type Generated } from './generate.js';

/**
 * The bad-input corpus: every folder under tests/fixtures/bad/ with an expect.json is a project that
 * deckhand must refuse (or, for a few, accept) in a precise way. See tests/fixtures/bad/README.md.
 */
interface Expect {
  about: string;
  args?: string[];
  exit: number;
  /** Each must be printed: code, and `path:line:col` (or the path alone) when given, and the message substring. */
  errors?: { code: string; at?: string; message?: string }[];
  /** Text the output must contain (usage errors, exit 2, are one line: `deckhand: …`). */
  stderr?: string[];
  /** Text neither output may contain (print's personal values: never in a message; a misleading hint). */
  stderrLacks?: string[];
  /** The exact number of errors printed, when the case is about reporting everything at once. */
  errorCount?: number;
  /** Files made at run time instead of committed (too big, or symlinks leading out of the project). */
  generate?: Generated[];
  /** Exit-0 cases: files that must be written, with text they must contain. */
  outputs?: { path: string; contains?: string[]; lacks?: string[] }[];
}

const BAD = join(FIXTURES, 'bad');
const cases = readdirSync(BAD)
  .filter((name) => existsSync(join(BAD, name, 'expect.json')))
  .sort()
  .map((name) => ({ name, expect: JSON.parse(readFileSync(join(BAD, name, 'expect.json'), 'utf8')) as Expect }));

let seedOutput: string;

beforeAll(async () => {
  // Earlier outputs of a good build: every case starts with them in its output folder.
  const seed = project('bad/_seed');
  const r = await runDeckhand(['build'], seed);
  expect(r.code, r.stderr).toBe(0);
  seedOutput = join(seed, 'output');
  expect(readdirSync(join(seedOutput, 'topic/patient')).length).toBeGreaterThan(0);
});

describe('the bad-input corpus', () => {
  it('has at least 40 cases, each explained', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect(c.expect.about, c.name).toMatch(/\w{3}/);
  });

  // One at a time: the runs share this thread (a concurrent in-process run only slows the others down).
  describe.each(cases)('$name', ({ name, expect: want }) => {
    it(want.about, async ({ expect }) => {
      const dir = project();
      cpSync(join(BAD, name), dir, { recursive: true, verbatimSymlinks: true });
      rmSync(join(dir, 'expect.json'));
      for (const g of want.generate ?? []) generate(dir, g);
      cpSync(seedOutput, join(dir, 'output'), { recursive: true });
      const before = snapshot(dir);

      // In this process, like the CLI's own code path; a case that could block a read (a FIFO) runs
      // the built CLI in a process of its own, so a hang is a killed run, not a stuck test worker.
      const spawned = want.generate?.some((g) => g.kind === 'fifo');
      const args = want.args ?? ['build'];
      const r = spawned ? await deckhandAsync(args, dir, {}, 60_000) : await runDeckhand(args, dir);
      const printed = parseDiagnostics(r.stderr);
      const report = `exit ${r.code}\n${r.stderr}${r.stdout}`;

      expect(r.timedOut, 'the run must finish in bounded time').toBe(false);
      expect(r.code, report).toBe(want.exit);
      if (want.exit !== 3) {
        expect(r.stderr, 'no stack trace').not.toMatch(STACK_FRAME);
        expect(r.stderr).not.toContain('internal error');
      }
      for (const e of want.errors ?? []) {
        const match = printed.find(
          (p) =>
            p.severity === 'error' &&
            p.code === e.code &&
            (e.at === undefined || p.at === e.at) &&
            (!e.message || p.message.includes(e.message)),
        );
        expect(match, `expected ${e.code} at ${e.at ?? '(any)'} "${e.message ?? ''}"\n${report}`).toBeDefined();
      }
      for (const text of want.stderr ?? []) expect(r.stderr, report).toContain(text);
      for (const text of want.stderrLacks ?? []) expect(r.stderr + r.stdout, report).not.toContain(text);
      const errors = printed.filter((p) => p.severity === 'error');
      if (want.errorCount !== undefined) expect(errors.length, report).toBe(want.errorCount);
      if (want.exit === 1) {
        expect(errors.length, report).toBeGreaterThan(0);
        expect(r.stderr).toMatch(new RegExp(`^${errors.length} errors?, \\d+ warnings?$`, 'm'));
      }
      // Every error says how to fix it.
      for (const e of errors) expect(e.hint, `${e.code} ${e.message} has no hint`).toMatch(/\w/);

      expect(tempFiles(dir)).toEqual([]);
      if (want.exit === 0) {
        for (const o of want.outputs ?? []) {
          const path = join(dir, o.path);
          if (path.endsWith('.pdf')) expect(qpdfCheck(path), o.path).toBe(0);
          const text = path.endsWith('.pdf') ? pdfText(path) : readFileSync(path, 'utf8');
          for (const s of o.contains ?? []) expect(text, o.path).toContain(s);
          for (const s of o.lacks ?? []) expect(text, o.path).not.toContain(s);
        }
      } else {
        // Nothing created, changed or removed: earlier outputs are intact.
        expect(snapshot(dir)).toEqual(before);
      }
    });
  });
});
