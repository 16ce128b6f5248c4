import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, mutant, validTopic } from './arbitraries.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STACK_FRAME } from '../helpers/cli-output.js';
import { deckhandAsync, project } from '../helpers/project.js';
import { buildTopic, describeFile, mutate, serialize } from './harness.js';

// A few hundred cases on every `npm test`; `npm run fuzz` runs 10 000 (scripts/fuzz.mjs).
const VALID_RUNS = Number(process.env.FUZZ_VALID_RUNS ?? 30);
const MUTANT_RUNS = Number(process.env.FUZZ_MUTANT_RUNS ?? 220);
const CLI_RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 6);

describe('fuzzing the build (in-process, like the CLI)', () => {
  it(`random valid topics always build, and every handout PDF passes qpdf --check (${VALID_RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(validTopic, format, async (topic, ext) => {
        const file = serialize(topic, ext);
        const v = await buildTopic(file, ext, { qpdf: true, mustBuild: true });
        if (v.problems.length) throw new Error(`${v.problems.join('\n')}\n--- topic.${ext}:\n${describeFile(file)}`);
      }),
      { numRuns: VALID_RUNS, endOnFailure: true },
    );
  }, 600_000);

  it(
    `random mutations of valid topics never crash (exit 3), never write on error, always explain (${MUTANT_RUNS} ` +
      `cases)`,
    async () => {
      const exits = { 0: 0, 1: 0, 3: 0 };
      await fc.assert(
        fc.asyncProperty(mutant, async (m) => {
          const file = mutate(m);
          const v = await buildTopic(file, m.format, { qpdf: true, mustBuild: false, outputLink: m.outputLink });
          exits[v.exit]++;
          if (v.problems.length)
            throw new Error(`${v.problems.join('\n')}\n--- topic.${m.format}:\n${describeFile(file)}`);
        }),
        { numRuns: MUTANT_RUNS, endOnFailure: true },
      );
      // The mutations must reach both sides: some still build, most are refused.
      expect(exits[1]).toBeGreaterThan(MUTANT_RUNS / 4);
      expect(exits[0]).toBeGreaterThan(0);
    },
    600_000,
  );

  it(
    `and through the real CLI (with a render worker): exit 0 or 1, no stack trace, finished in bounded time ` +
      `(${CLI_RUNS} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(mutant, async (m) => {
          const dir = project();
          const file = mutate(m);
          writeFileSync(join(dir, `topic.${m.format}`), file);
          // A second topic, so the build hands work to a render worker thread (-j 2) as real builds do.
          writeFileSync(
            join(dir, 'other.yaml'),
            'title: Other\nsummary: A second topic.\nsections:\n  - title: One\n    points: [A point]\n',
          );
          const r = await deckhandAsync(['build', `topic.${m.format}`, 'other.yaml', '-j', '2'], dir, {}, 60_000);
          const what =
            `exit ${r.code}${r.timedOut ? ' (killed: too slow)' : ''}\n${r.stderr}\n--- ` +
            `topic.${m.format}:\n${describeFile(file)}`;
          if (r.timedOut || (r.code !== 0 && r.code !== 1) || STACK_FRAME.test(r.stderr)) throw new Error(what);
        }),
        { numRuns: CLI_RUNS, endOnFailure: true },
      );
    },
    600_000,
  );
});
