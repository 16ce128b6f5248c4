import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Case 4: from saving a topic to every output of that topic rewritten, with `deckhand watch` running. */
export async function watchLatency({ node, deckhand, dir, runs, startProcess }) {
  const child = await startProcess([node, deckhand, 'watch'], { cwd: dir, ready: /watching/i, env: { CI: 'true' } });
  try {
    const topic = join(dir, 'content/topic-001.yaml');
    const original = readFileSync(topic, 'utf8');
    const outDir = join(dir, 'output/topic-001');
    await waitFor(() => outputs(outDir).length > 0, 20_000);
    const times = [];
    for (let i = 0; i <= runs; i++) {
      // File times come from a coarse kernel clock: compare with each file's previous time, not with now.
      const before = new Map(outputs(outDir).map((f) => [f, statSync(f).mtimeMs]));
      writeFileSync(
        topic,
        original.replace(/^title:/m, `# edit ${i}\ntitle:`).replace(/\(topic 1\)/g, `(topic 1, v${i})`),
      );
      const start = performance.now();
      await waitFor(() => outputs(outDir).every((f) => statSync(f).mtimeMs !== before.get(f)), 10_000).catch((e) => {
        throw new Error(
          `${e.message} (edit ${i}; unchanged: ${outputs(outDir)
            .filter((f) => statSync(f).mtimeMs === before.get(f))
            .join(', ')})`,
        );
      });
      if (i > 0) times.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 300));
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1) };
  } finally {
    child.kill('SIGTERM');
  }
}

function outputs(dir) {
  try {
    // The artifacts: not the temp files a write renames into place.
    return readdirSync(dir).flatMap((a) =>
      readdirSync(join(dir, a))
        .filter((f) => !f.endsWith('.deckhand-tmp'))
        .map((f) => join(dir, a, f)),
    );
  } catch {
    return [];
  }
}

async function waitFor(cond, ms) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for outputs${process.env.BENCH_DEBUG ? ': ' + cond.toString() : ''}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
