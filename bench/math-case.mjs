// Case 7: the cost of math in a handout. One handout with 50 inline and 10 display formulas, against
// the same handout with each formula replaced by a word (its twin), so the difference is what the
// formulas cost: cold (a fresh process per run: the math engine loads, then typesets) and warm (in
// one process with the engine loaded, new formulas every run, so nothing comes from its cache).
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { coldRun, median } from './measure.mjs';

const INLINE = (i) =>
  [`x_{${i}}^2`, `\\frac{${i}}{k}`, `\\sqrt{${i} + t}`, `C_{${i}} = C_0 \\, e^{-k t}`, `\\alpha_{${i}} \\leq \\beta`][
    i % 5
  ];
const DISPLAY = (i) =>
  [
    `\\sum_{j=1}^{${i + 2}} x_j^2`,
    `\\int_0^{${i + 1}} e^{-x}\\,dx`,
    `\\begin{pmatrix} ${i} & 1 \\\\ 0 & ${i} \\end{pmatrix}`,
    `\\frac{d}{dt} C = -k_{${i}} C`,
    `\\sqrt[3]{\\frac{a^2 + ${i}}{b}}`,
  ][i % 5];

/** The topic (run `n` varies every formula); `twin`: each formula a plain word instead. */
function topic(n, twin) {
  const m = (tex, display) => (twin ? 'formula' : display ? `\n\n$$${tex}$$\n\n` : `$${tex}$`);
  const sections = [];
  for (let s = 0; s < 10; s++) {
    const k = s * 5;
    const tag = (i) => `${i}${n ? `+${n}` : ''}`;
    sections.push({
      title: `Section ${s + 1}`,
      body:
        `The level falls as ${m(INLINE(tag(k)))} and ${m(INLINE(tag(k + 1)))} over ` +
        `time.${m(DISPLAY(tag(s)), true)}Then ${m(INLINE(tag(k + 2)))} holds.`,
      points: [`First ${m(INLINE(tag(k + 3)))}`, `Second ${m(INLINE(tag(k + 4)))}`],
    });
  }
  return JSON.stringify({ title: 'Formulas', summary: 'A handout with many formulas.', sections }, null, 1);
}

export function mathProject(dir, n, twin) {
  mkdirSync(join(dir, 'content'), { recursive: true });
  writeFileSync(join(dir, 'content/topic.json'), topic(n, twin));
  writeFileSync(join(dir, 'deckhand.config.yaml'), 'audiences:\n  student: {label: Students}\n');
  return dir;
}

/** Warm: one process, engine loaded by a first build, then `runs` builds of new formulas each. */
function warmRuns(deckhand, work, twin, runs) {
  const script = `
    const { build } = await import(${JSON.stringify(new URL(`../dist/index.js`, import.meta.url).href)});
    const { mathProject } = await import(${JSON.stringify(new URL('./math-case.mjs', import.meta.url).href)});
    const times = [];
    for (let n = 0; n <= ${runs}; n++) {
      const dir = mathProject(${JSON.stringify(work)} + '/warm-' + ${twin} + '-' + n, n, ${twin});
      const t0 = performance.now();
      const r = await build({ cwd: dir, formats: ['handout'], jobs: 1 });
      if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
      if (n) times.push(performance.now() - t0);
    }
    console.log(JSON.stringify(times));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

export function mathCase({ node, deckhand, work, runs }) {
  const math = mathProject(join(work, 'math'), 0, false);
  const plain = mathProject(join(work, 'plain'), 0, true);
  const argv = [node, deckhand, 'build', '-f', 'handout', '--force'];
  const cold = { math: [], plain: [] };
  for (let i = -1; i < runs; i++) {
    for (const [k, dir] of i % 2
      ? [
          ['math', math],
          ['plain', plain],
        ]
      : [
          ['plain', plain],
          ['math', math],
        ]) {
      const r = coldRun(argv, { cwd: dir });
      if (i >= 0) cold[k].push(r.ms);
    }
  }
  const warm = { math: warmRuns(deckhand, work, false, runs), plain: warmRuns(deckhand, work, true, runs) };
  const m = (xs) => median(xs);
  return {
    cold: { math: m(cold.math), plain: m(cold.plain) },
    warm: { math: m(warm.math), plain: m(warm.plain) },
    perFormula: { cold: (m(cold.math) - m(cold.plain)) / 60, warm: (m(warm.math) - m(warm.plain)) / 60 },
  };
}
