// npm run fuzz [-- --runs 10000 --valid 2000 --seed 42 --workers 1 --hang 120]
// Builds random valid topics and random mutations of them in-process (tests/fuzz/), in worker
// threads watched from here: a case that reports nothing for --hang seconds is a hang. Prints a
// summary; failures (with the file that caused them) go to fuzz-failures.json. Exit 1 on any failure.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    valid: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string', default: '1' },
    hang: { type: 'string', default: '120' },
  },
});
const runs = Number(values.runs);
const valid = Number(values.valid ?? Math.round(runs / 5));
const seed = Number(values.seed ?? Date.now() % 1e9);
const workers = Math.max(1, Number(values.workers));
const hangMs = Number(values.hang) * 1000;

// Bundle the TypeScript harness next to node_modules so deckhand finds its package root and dependencies.
const bundle = join(root, 'node_modules/.cache/deckhand-fuzz/long-run.mjs');
mkdirSync(dirname(bundle), { recursive: true });
await build({
  entryPoints: [join(root, 'tests/fuzz/long-run.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

const started = Date.now();
const stats = {
  valid: { 0: 0, 1: 0, 3: 0 },
  mutant: { 0: 0, 1: 0, 3: 0 },
  codes: {},
  failures: [],
  hangs: [],
  slowest: { ms: 0, index: -1 },
};
let done = 0;

function runSlice(from, to) {
  return new Promise((resolve) => {
    let current = from;
    let startedAt = Date.now();
    const worker = new Worker(bundle, { workerData: { seed, valid, from, to } });
    const watchdog = setInterval(() => {
      if (Date.now() - startedAt < hangMs) return;
      stats.hangs.push(current);
      stats.failures.push({
        index: current,
        kind: current < valid ? 'valid' : 'mutant',
        problems: [`no result after ${hangMs / 1000} s: a hang`],
      });
      clearInterval(watchdog);
      void worker.terminate().then(() => resolve(runSlice(current + 1, to)));
    }, 1000);
    worker.on('message', (m) => {
      if (m.type === 'start') {
        current = m.index;
        startedAt = Date.now();
        return;
      }
      const ms = Date.now() - startedAt;
      if (ms > stats.slowest.ms) stats.slowest = { ms, index: m.index };
      stats[m.kind][m.exit]++;
      for (const c of m.codes) stats.codes[c] = (stats.codes[c] ?? 0) + 1;
      if (m.problems.length)
        stats.failures.push({ index: m.index, kind: m.kind, exit: m.exit, problems: m.problems, file: m.file });
      if (++done % 250 === 0)
        process.stderr.write(
          `  ${done}/${runs} cases, ${stats.failures.length} failures, ${Math.round((Date.now() - started) / 1000)} ` +
            `s\n`,
        );
    });
    worker.on('error', (e) => {
      stats.failures.push({
        index: current,
        kind: current < valid ? 'valid' : 'mutant',
        problems: [`worker crashed: ${e.stack ?? e}`],
      });
    });
    worker.on('exit', () => {
      clearInterval(watchdog);
      if (current + 1 < to && done < runs && !stats.hangs.includes(current)) resolve(runSlice(current + 1, to));
      else resolve();
    });
  });
}

process.stderr.write(
  `fuzz: ${runs} cases (${valid} valid topics, ${runs - valid} mutants), seed ${seed}, ${workers} worker(s)\n`,
);
const per = Math.ceil(runs / workers);
await Promise.all(Array.from({ length: workers }, (_, w) => runSlice(w * per, Math.min(runs, (w + 1) * per))));

const seconds = (Date.now() - started) / 1000;
const summary = [
  `fuzz summary (seed ${seed}): ${done} cases in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(1)} cases/s)`,
  `  valid topics: ${valid}: built ${stats.valid[0]}, refused ${stats.valid[1]}, internal errors ${stats.valid[3]}`,
  `  mutants: ${runs - valid}: built ${stats.mutant[0]}, refused with exit 1 ${stats.mutant[1]}, internal errors ` +
    `(exit 3) ${stats.mutant[3]}`,
  `  hangs: ${stats.hangs.length}; slowest case: #${stats.slowest.index}, ${stats.slowest.ms} ms`,
  `  error codes seen: ${Object.entries(stats.codes)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')}`,
  `  failures: ${stats.failures.length}${stats.failures.length ? ' (details in fuzz-failures.json)' : ''}`,
];
for (const f of stats.failures.slice(0, 5)) summary.push(`    #${f.index} ${f.kind}: ${f.problems[0].split('\n')[0]}`);
console.log(summary.join('\n'));
if (stats.failures.length)
  writeFileSync(
    join(root, 'fuzz-failures.json'),
    JSON.stringify({ seed, runs, valid, failures: stats.failures }, null, 2),
  );
process.exitCode = stats.failures.length ? 1 : 0;
