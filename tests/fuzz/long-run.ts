import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { format, mutant, validTopic } from './arbitraries.js';
import { buildTopic, describeFile, mutate, serialize } from './harness.js';

/**
 * The worker side of `npm run fuzz` (scripts/fuzz.mjs bundles this file): runs cases `from..to` of
 * a seeded sequence and reports each one, so the parent can tell a hang from a slow case.
 */
export interface FuzzJob {
  seed: number;
  /** Cases below this index are valid topics, the rest are mutants. */
  valid: number;
  from: number;
  to: number;
}

export type FuzzMessage =
  | { type: 'start'; index: number }
  | {
      type: 'done';
      index: number;
      kind: 'valid' | 'mutant';
      exit: 0 | 1 | 3;
      codes: string[];
      problems: string[];
      file?: string;
    };

const BATCH = 100;

type Case = { kind: 'valid' | 'mutant'; file: string | Uint8Array; ext: 'yaml' | 'json'; outputLink?: string };

/** Cases are sampled a hundred at a time from a seed per batch: case `index` is the same on every run. */
function sampler(seed: number, valid: number): (index: number) => Case {
  const batches = new Map<string, Case[]>();
  return (index) => {
    const kind = index < valid ? 'valid' : 'mutant';
    const batch = Math.floor(index / BATCH);
    const key = `${kind}:${batch}`;
    let cases = batches.get(key);
    if (!cases) {
      batches.clear();
      cases =
        kind === 'valid'
          ? fc
              .sample(fc.tuple(validTopic, format), { seed: seed + batch, numRuns: BATCH })
              .map(([topic, ext]) => ({ kind, file: serialize(topic, ext), ext }))
          : fc.sample(mutant, { seed: seed + 7919 + batch, numRuns: BATCH }).map((m) => ({
              kind,
              file: mutate(m),
              ext: m.format,
              ...(m.outputLink ? { outputLink: m.outputLink } : {}),
            }));
      batches.set(key, cases);
    }
    return cases[index % BATCH]!;
  };
}

async function run(job: FuzzJob): Promise<void> {
  const caseAt = sampler(job.seed, job.valid);
  for (let index = job.from; index < job.to; index++) {
    const c = caseAt(index);
    parentPort!.postMessage({ type: 'start', index } satisfies FuzzMessage);
    const v = await buildTopic(c.file, c.ext, { qpdf: true, mustBuild: c.kind === 'valid', outputLink: c.outputLink });
    parentPort!.postMessage({
      type: 'done',
      index,
      kind: c.kind,
      exit: v.exit,
      codes: v.codes,
      problems: v.problems,
      ...(v.problems.length ? { file: describeFile(c.file) } : {}),
    } satisfies FuzzMessage);
  }
}

if (parentPort && workerData) await run(workerData as FuzzJob);
