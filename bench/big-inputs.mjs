// Big inputs (issue 22): one paragraph of 1, 2 and 4 MiB, and one topic of 2 500, 5 000 and 10 000
// points, each built cold (`deckhand build`, every default format). Linear time shows as a ratio of
// about 2 between neighbouring sizes. A benchmark, not a test: it prints figures and fails on nothing.
//
//   node bench/big-inputs.mjs [--formats slides,handout] [--only paragraph|points]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const formats = arg('--formats', 'slides,handout');
const only = arg('--only', undefined);
const mibs = arg('--mib', '1,2,4').split(',').map(Number);
const counts = arg('--points', '2500,5000,10000').split(',').map(Number);

const sentence = 'The nurse checks the chart and washes both hands before the visit. ';
function paragraphTopic(bytes) {
  const body = sentence
    .repeat(Math.ceil(bytes / sentence.length))
    .slice(0, bytes)
    .trim();
  return (
    `title: A long paragraph\nsummary: One paragraph.\nsections:\n  - title: The paragraph\n    body: ` +
    `${JSON.stringify(body)}\n`
  );
}
function pointsTopic(n) {
  const points = Array.from({ length: n }, (_, i) => `      - "Point ${i + 1}: wash your hands before you eat."`).join(
    '\n',
  );
  return `title: Many points\nsummary: Many points.\nsections:\n  - title: The points\n    points:\n${points}\n`;
}

function run(topic) {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-big-'));
  mkdirSync(join(dir, 'content'));
  writeFileSync(join(dir, 'content/topic.yaml'), topic);
  writeFileSync(join(dir, 'deckhand.config.yaml'), 'audiences:\n  patient: {readingGrade: 8}\n');
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, 'build', '-f', formats, '-j', '1'], { cwd: dir, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const totals = /built .*$/m.exec(r.stderr)?.[0] ?? r.stderr.split('\n').slice(-3).join(' | ');
  rmSync(dir, { recursive: true, force: true });
  return { ms, code: r.status, totals };
}

const rows = [];
const cases = [
  ...(only === 'points'
    ? []
    : mibs.map((mib) => ({ name: `paragraph ${mib} MiB`, topic: paragraphTopic(mib * 1048576 - 4096) }))),
  ...(only === 'paragraph' ? [] : counts.map((n) => ({ name: `${n} points`, topic: pointsTopic(n) }))),
];
let previous;
for (const c of cases) {
  const r = run(c.topic);
  const kind = c.name.split(' ').at(-1);
  const ratio = previous && previous.kind === kind ? (r.ms / previous.ms).toFixed(2) : '';
  rows.push(`| ${c.name} | ${(r.ms / 1000).toFixed(1)} s | ${ratio} | exit ${r.code} | ${r.totals} |`);
  console.error(rows.at(-1));
  previous = { kind, ms: r.ms };
}
console.log(`| input | time | × previous | exit | deckhand said |\n|---|---|---|---|---|\n${rows.join('\n')}`);
