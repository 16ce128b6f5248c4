// Case 8: how deckhand grows with the topic count. 10 / 100 / 1 000 topics × 3 audiences × (slides +
// handout), cold, each in a fresh process; then a no-op rebuild of the largest (everything cached).
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { generateProject } from './generate.mjs';
import { coldRun, median } from './measure.mjs';

export function scaleCase({ node, deckhand, work, runs, sizes = [10, 100, 1000] }) {
  const rows = [];
  for (const n of sizes) {
    const dir = generateProject(join(work, `scale-${n}`), n);
    const argv = [node, deckhand, 'build', '-f', 'slides', '-f', 'handout'];
    const clean = () => rmSync(join(dir, 'output'), { recursive: true, force: true });
    // The largest size is slow: it runs once after the warm-up, the others `runs` times.
    const times = n >= 1000 ? 1 : runs;
    const results = [];
    for (let i = -1; i < times; i++) {
      const r = coldRun(argv, { cwd: dir, before: clean });
      if (i >= 0) results.push(r);
      process.stderr.write('s');
    }
    const ms = median(results.map((r) => r.ms));
    const rss = Math.max(...results.map((r) => r.rss));
    const row = { topics: n, ms, rss, perTopic: ms / n };
    if (n === sizes.at(-1)) {
      const noop = [];
      for (let i = 0; i < Math.max(1, Math.min(runs, 3)); i++) noop.push(coldRun(argv, { cwd: dir }).ms);
      row.noop = median(noop);
    }
    rows.push(row);
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** The table for bench/RESULTS.md, with the goals (linear time, flat memory, fast no-op). */
export function scaleTable(rows) {
  const by = Object.fromEntries(rows.map((r) => [r.topics, r]));
  const ratio = by[1000] && by[100] ? by[1000].ms / by[100].ms : undefined;
  const ok = (pass) => (pass ? 'met' : '**missed**');
  return [
    '',
    '| 8. topics × 3 audiences × (slides + handout), cold | time | peak RSS | per topic |',
    '|---|---|---|---|',
    ...rows.map(
      (r) => `| ${r.topics} | ${(r.ms / 1000).toFixed(2)} s | ${r.rss.toFixed(0)} MiB | ${r.perTopic.toFixed(1)} ms |`,
    ),
    ratio === undefined ? '' : `| 1 000 ÷ 100 time (goal ≤ 11, linear) | ${ratio.toFixed(2)} | | ${ok(ratio <= 11)} |`,
    by[1000]
      ? `| 1 000 peak RSS (goal ≤ 250 MiB, flat) | | ${by[1000].rss.toFixed(0)} MiB | ${ok(by[1000].rss <= 250)} |`
      : '',
    rows.at(-1)?.noop === undefined
      ? ''
      : `| no-op rebuild of ${rows.at(-1).topics} (goal ≤ 3 s) | ${(rows.at(-1).noop / 1000).toFixed(2)} s | | ` +
        `${ok(rows.at(-1).noop <= 3000)} |`,
  ]
    .filter((l) => l !== '')
    .join('\n');
}
