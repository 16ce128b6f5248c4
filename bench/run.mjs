// npm run bench: deckhand side by side with Marp CLI, cold processes, alternating, medians.
// Writes bench/RESULTS.md and prints it. A benchmark, not a test: nothing here fails on timing.
import { cpus, tmpdir } from 'node:os';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { generateProject } from './generate.mjs';
import { coldRun, hasCommand, median, startProcess } from './measure.mjs';
import { watchLatency } from './watch-case.mjs';
import { mathCase } from './math-case.mjs';
import { scaleCase, scaleTable } from './scale-case.mjs';
import { printCase, printTable } from './print-case.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const DECKHAND = join(ROOT, 'dist/cli.js');
const MARP = join(ROOT, 'node_modules/@marp-team/marp-cli/marp-cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_CASES=2,4 runs only those cases (the table then leaves the others out).
const ONLY = process.env.BENCH_CASES?.split(',').map((c) => c.trim());
const wanted = (n) => !ONLY || ONLY.includes(String(n));
const WORK = join(tmpdir(), 'deckhand-bench');
const CHROME =
  process.env.CHROME_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
const node = process.execPath;

const one = generateProject(join(WORK, 'p1'), 1);
const hundred = generateProject(join(WORK, 'p100'), 100);
const clean = (dir) => () => rmSync(join(dir, 'output'), { recursive: true, force: true });

// Marp CLI gets the very slides.md files deckhand writes.
coldRun([node, DECKHAND, 'build', '-f', 'slides'], { cwd: one });
coldRun([node, DECKHAND, 'build', '-f', 'slides'], { cwd: hundred });
// Copied out: the deckhand runs clean their output folder.
const oneMd = join(WORK, 'one.md');
cpSync(join(one, 'output/topic-001/patient/slides.md'), oneMd);
const mdDir = join(WORK, 'md300');
rmSync(mdDir, { recursive: true, force: true });
mkdirSync(mdDir, { recursive: true });
for (const topic of readdirSync(join(hundred, 'output'))) {
  if (topic.startsWith('.') || !statSync(join(hundred, 'output', topic)).isDirectory()) continue;
  for (const a of readdirSync(join(hundred, 'output', topic)))
    cpSync(join(hundred, 'output', topic, a, 'slides.md'), join(mdDir, `${topic}-${a}.md`));
}
// Issue 15: the same topic with the drawn slides.pdf engine (no browser).
const drawn = join(WORK, 'p1-drawn');
rmSync(drawn, { recursive: true, force: true });
cpSync(join(one, 'content'), join(drawn, 'content'), { recursive: true });
writeFileSync(join(drawn, 'deckhand.config.yaml'), 'slides: {pdfEngine: deckhand}\n');
const slideCount = (readFileSync(oneMd, 'utf8').match(/^---$/gm) ?? []).length - 1;

const cases = [
  {
    name: '1. one topic × 3 audiences × (slides.md + slides.html + handout.pdf) vs Marp CLI: one slides.md → HTML',
    goal: 1.0,
    deckhand: { argv: [node, DECKHAND, 'build'], cwd: one, before: clean(one) },
    marp: { argv: [node, MARP, oneMd, '-o', join(WORK, 'one.html')], cwd: WORK },
  },
  {
    name: '2. 100 topics × 3 audiences, everything vs Marp CLI: the same 300 slides.md → HTML in one invocation',
    goal: 0.7,
    deckhand: { argv: [node, DECKHAND, 'build'], cwd: hundred, before: clean(hundred) },
    marp: { argv: [node, MARP, '-I', mdDir, '-o', join(WORK, 'html300')], cwd: WORK },
  },
  CHROME && {
    name: "3. one topic's handouts (-f handout, 3 PDFs) vs Marp CLI --pdf of one deck",
    goal: 0.1,
    deckhand: { argv: [node, DECKHAND, 'build', '-f', 'handout'], cwd: one, before: clean(one) },
    marp: { argv: [node, MARP, oneMd, '--pdf', '-o', join(WORK, 'one.pdf')], cwd: WORK, env: { CHROME_PATH: CHROME } },
  },
  CHROME && {
    name: "6. one topic's decks as PowerPoint (-f pptx, 3 slides.pptx) vs Marp CLI --pptx of one deck",
    goal: 0.1,
    deckhand: { argv: [node, DECKHAND, 'build', '-f', 'pptx'], cwd: one, before: clean(one) },
    marp: {
      argv: [node, MARP, oneMd, '--pptx', '-o', join(WORK, 'one.pptx')],
      cwd: WORK,
      env: { CHROME_PATH: CHROME },
    },
  },
  CHROME && {
    name:
      "10. one topic's printouts (-f notes -f slides-handout, 3 audiences, 6 PDFs, drawn) vs Marp CLI --pdf " +
      '--pdf-notes of one deck',
    goal: 0.3,
    deckhand: { argv: [node, DECKHAND, 'build', '-f', 'notes', '-f', 'slides-handout'], cwd: one, before: clean(one) },
    marp: {
      argv: [node, MARP, oneMd, '--pdf', '--pdf-notes', '-o', join(WORK, 'one-notes.pdf')],
      cwd: WORK,
      env: { CHROME_PATH: CHROME },
    },
  },
  CHROME && {
    name:
      '11. one slides.pdf drawn by deckhand (-f slides-pdf -a patient, pdfEngine: deckhand) vs Marp CLI --pdf of ' +
      'the same deck',
    goal: 0.2,
    deckhand: {
      argv: [node, DECKHAND, 'build', '-f', 'slides-pdf', '-a', 'patient'],
      cwd: drawn,
      before: clean(drawn),
    },
    marp: {
      argv: [node, MARP, oneMd, '--pdf', '-o', join(WORK, 'one-drawn.pdf')],
      cwd: WORK,
      env: { CHROME_PATH: CHROME },
    },
  },
].filter((c) => c && wanted(c.name.split('.')[0]));

const rows = [];
let rssCase2;
for (const c of cases) {
  const d = [];
  const m = [];
  for (let i = -1; i < RUNS; i++) {
    // Alternate who goes first; run -1 is the warm-up (file cache), not counted.
    const pair =
      i % 2
        ? [
            ['d', c.deckhand],
            ['m', c.marp],
          ]
        : [
            ['m', c.marp],
            ['d', c.deckhand],
          ];
    for (const [who, spec] of pair) {
      const r = coldRun(spec.argv, spec);
      if (i >= 0) (who === 'd' ? d : m).push(r);
    }
    process.stderr.write('.');
  }
  const dm = median(d.map((r) => r.ms));
  const mm = median(m.map((r) => r.ms));
  rows.push({ name: c.name, goal: c.goal, d, m, dm, mm, ratio: dm / mm });
  if (c.name.startsWith('2.')) rssCase2 = Math.max(...d.map((r) => r.rss));
}
process.stderr.write('\n');

let watch;
if (wanted(4))
  try {
    watch = await watchLatency({
      node,
      deckhand: DECKHAND,
      dir: generateProject(join(WORK, 'pw'), 1),
      runs: RUNS,
      startProcess,
    });
  } catch (e) {
    watch = { error: String(e.message ?? e).split('\n')[0] };
  }

let math;
if (wanted(7)) math = mathCase({ node, deckhand: DECKHAND, work: join(WORK, 'math'), runs: RUNS });

let scale;
if (wanted(8)) scale = scaleCase({ node, deckhand: DECKHAND, work: join(WORK, 'scale'), runs: RUNS });

let printed;
if (wanted(9)) printed = printCase({ node, deckhand: DECKHAND, work: join(WORK, 'print'), runs: RUNS });

const fmt = (xs) =>
  `${median(xs.map((r) => r.ms)).toFixed(0)} ms ` +
  `(${Math.min(...xs.map((r) => r.ms)).toFixed(0)}–${Math.max(...xs.map((r) => r.ms)).toFixed(0)})`;
const ok = (pass) => (pass ? 'met' : '**missed**');
const lines = [
  '# Benchmark results',
  '',
  `${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores (${cpus()[0]?.model.trim()}) · Node ` +
    `${process.version} · ${RUNS} cold runs per side after a warm-up, alternating · marp-cli ` +
    `${JSON.parse(readFileSync(join(ROOT, 'node_modules/@marp-team/marp-cli/package.json'), 'utf8')).version} · ` +
    `synthetic topic: ${slideCount} slides (patient deck)`,
  '',
  '| case | deckhand median (min–max) | Marp CLI median (min–max) | ratio | goal | |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (r) => `| ${r.name} | ${fmt(r.d)} | ${fmt(r.m)} | ${r.ratio.toFixed(2)} | ≤ ${r.goal} | ${ok(r.ratio <= r.goal)} |`,
  ),
  CHROME ? '' : '\nCases 3 and 6 skipped: no Chromium found (set CHROME_PATH).',
  !watch
    ? ''
    : watch.error
      ? `| 4. watch: save → outputs rewritten | skipped: ${watch.error} | | | ≤ 150 ms | |`
      : `| 4. watch: save → all 9 outputs of the topic rewritten | ${watch.median.toFixed(0)} ms ` +
        `(${watch.min.toFixed(0)}–${watch.max.toFixed(0)}) | — | — | ≤ 150 ms | ${ok(watch.median <= 150)} |`,
  rssCase2 === undefined
    ? ''
    : `| 5. peak RSS of case 2 (deckhand process, workers included) | ${rssCase2.toFixed(0)} MiB | — | — | ≤ 250 MiB ` +
      `| ${ok(rssCase2 <= 250)} |`,
  !math
    ? ''
    : [
        '',
        '| 7. one handout with 50 inline + 10 display formulas, against its twin without them | with formulas | ' +
          'without | per formula |',
        '|---|---|---|---|',
        `| cold (fresh process: the math engine loads, then typesets) | ${math.cold.math.toFixed(0)} ms | ` +
          `${math.cold.plain.toFixed(0)} ms | ${math.perFormula.cold.toFixed(1)} ms |`,
        `| warm (engine loaded, new formulas every run) | ${math.warm.math.toFixed(0)} ms | ` +
          `${math.warm.plain.toFixed(0)} ms | ${math.perFormula.warm.toFixed(1)} ms |`,
      ].join('\n'),
  scale ? scaleTable(scale) : '',
  printed ? printTable(printed) : '',
  '',
];
const text = lines
  .join('\n')
  .replace(/\n\n+\| (4|5)\./g, '\n| $1.')
  .replace(/\n{3,}/g, '\n\n');
if (!ONLY) writeFileSync(join(ROOT, 'bench/RESULTS.md'), text); // a partial run only prints
console.log(text);
