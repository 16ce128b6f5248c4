// Stress of the output folder lock (issue 22, item 7): many processes take the same lock over and
// over; inside, each creates a marker file exclusively (O_EXCL) and removes it after a moment. Two
// holders at once show as a failed exclusive create. Also kills holders with SIGKILL now and then,
// so stale locks are broken under contention. Prints rounds, overlaps, stale take-overs and times.
//
//   node scripts/lock-stress.mjs [processes=12] [rounds=50] [--kill]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const processes = Number(args[0] ?? 12);
const rounds = Number(args[1] ?? 50);
const kill = process.argv.includes('--kill');
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'deckhand-lock-stress-'));
const bundle = join(work, 'lock.mjs');
await build({
  entryPoints: [process.env.LOCK_SRC ?? join(root, 'src/output/lock.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'silent',
});
const child = join(work, 'child.mjs');
writeFileSync(
  child,
  `import { closeSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { withOutputLock } from ${JSON.stringify(bundle)};
const [out, rounds] = [process.argv[2], Number(process.argv[3])];
let overlaps = 0, timeouts = 0;
const spin = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
for (let i = 0; i < rounds; i++) {
  const r = withOutputLock(out, () => {
    const marker = join(out, 'inside');
    try { closeSync(openSync(marker, 'wx')); } catch { overlaps++; return; }
    spin(1 + Math.random() * 2);
    rmSync(marker, { force: true });
  }, 30000);
  if (!r.ok) timeouts++;
}
process.stdout.write(JSON.stringify({ overlaps, timeouts }));
`,
);

const out = join(work, 'out');
const started = Date.now();
const results = await Promise.all(
  Array.from(
    { length: processes },
    (_, i) =>
      new Promise((done) => {
        const p = spawn(process.execPath, [child, out, String(rounds)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let text = '';
        p.stdout.on('data', (c) => (text += c));
        // Some holders die mid-run (kill -9): their lock must be taken over, never shared.
        if (kill && i % 4 === 3) setTimeout(() => p.kill('SIGKILL'), 50 + Math.random() * 200);
        p.on('close', (code, signal) => done({ code, signal, ...(text ? JSON.parse(text) : {}) }));
      }),
  ),
);
const ms = Date.now() - started;
const finished = results.filter((r) => r.code === 0);
const overlaps = results.reduce((n, r) => n + (r.overlaps ?? 0), 0);
const timeouts = results.reduce((n, r) => n + (r.timeouts ?? 0), 0);
const summary = {
  processes,
  rounds,
  sections: finished.length * rounds,
  killed: results.filter((r) => r.signal).length,
  overlaps,
  timeouts,
  ms,
  msPerSection: +(ms / Math.max(1, finished.length * rounds)).toFixed(2),
};
console.log(JSON.stringify(summary));
rmSync(work, { recursive: true, force: true });
process.exitCode = overlaps || timeouts ? 1 : 0;
