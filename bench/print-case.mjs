// Case 9: deckhand print at the front desk. One personal handout from a cold start against today's
// one-topic handout build of the same audience (one PDF each), alternating; then 100 records into one
// combined PDF (one process: template 100 times, typeset 100 times, draw once).
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { generateProject } from './generate.mjs';
import { coldRun, median } from './measure.mjs';

const record = (i) => ({
  patient: `Patient ${i}`,
  clinician: 'Dr. Lee',
  date: '2026-12-24',
  instructions: `- Take one tablet each morning (${i})\n- Drink water\n- Call if you feel worse`,
  followUp: '2027-01-07',
  phone: '555-0100',
});

export function printCase({ node, deckhand, work, runs }) {
  const dir = generateProject(join(work, 'print'), 1);
  writeFileSync(join(dir, 'one.json'), JSON.stringify([record(1)]));
  const csv = ['patient,clinician,date,instructions,followUp,phone'];
  for (let i = 1; i <= 100; i++) {
    const r = record(i);
    csv.push([r.patient, r.clinician, r.date, `"${r.instructions}"`, r.followUp, r.phone].join(','));
  }
  writeFileSync(join(dir, 'hundred.csv'), csv.join('\n') + '\n');
  const build = [node, deckhand, 'build', '-f', 'handout', '-a', 'patient'];
  const one = [node, deckhand, 'print', 'topic-001', '-a', 'patient', '--data', 'one.json', '-o', 'one.pdf'];
  const hundred = [node, deckhand, 'print', 'topic-001', '-a', 'patient', '--data', 'hundred.csv', '--combine'];
  const clean = () => rmSync(join(dir, 'output'), { recursive: true, force: true });
  const b = [];
  const p = [];
  for (let i = -1; i < runs; i++) {
    const pair = i % 2 ? ['b', 'p'] : ['p', 'b'];
    for (const who of pair) {
      const r = who === 'b' ? coldRun(build, { cwd: dir, before: clean }) : coldRun(one, { cwd: dir });
      if (i >= 0) (who === 'b' ? b : p).push(r);
    }
    process.stderr.write('p');
  }
  const h = [];
  for (let i = -1; i < Math.max(1, Math.min(runs, 3)); i++) {
    const r = coldRun([...hundred, '-o', 'all.pdf'], { cwd: dir });
    if (i >= 0) h.push(r);
    process.stderr.write('P');
  }
  const pages = Number(
    /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [join(dir, 'all.pdf')], { encoding: 'utf8' }).stdout)?.[1],
  );
  const onePages = Number(
    /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [join(dir, 'one.pdf')], { encoding: 'utf8' }).stdout)?.[1],
  );
  const result = {
    build: median(b.map((r) => r.ms)),
    one: median(p.map((r) => r.ms)),
    hundred: median(h.map((r) => r.ms)),
    hundredRss: Math.max(...h.map((r) => r.rss)),
    pages,
    onePages,
    bytes: statSync(join(dir, 'all.pdf')).size,
    oneBytes: statSync(join(dir, 'one.pdf')).size,
  };
  readFileSync(join(dir, 'all.pdf')); // still there: the figures above are of a real file
  rmSync(dir, { recursive: true, force: true });
  return result;
}

/** The table for bench/RESULTS.md, with the goals. */
export function printTable(r) {
  const ok = (pass) => (pass ? 'met' : '**missed**');
  const ratio = r.one / r.build;
  return [
    '',
    '| 9. deckhand print (personal handouts) | time | compared with | ratio | goal | |',
    '|---|---|---|---|---|---|',
    `| one record → one PDF, cold (${r.onePages} pages, ${(r.oneBytes / 1024).toFixed(0)} KiB) | ${r.one.toFixed(0)} ` +
      `ms | the same topic's patient handout build: ${r.build.toFixed(0)} ms | ${ratio.toFixed(2)} | ≤ 1.2 | ` +
      `${ok(ratio <= 1.2)} |`,
    `| 100 records --combine → one PDF, cold (${r.pages} pages, ${(r.bytes / 1048576).toFixed(1)} MiB, peak RSS ` +
      `${r.hundredRss.toFixed(0)} MiB) | ${(r.hundred / 1000).toFixed(2)} s | ${(r.hundred / 100).toFixed(0)} ms a ` +
      `record | | ≤ 5 s | ${ok(r.hundred <= 5000)} |`,
  ].join('\n');
}
