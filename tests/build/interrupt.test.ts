import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, hashesUnder } from '../helpers/files.js';
import { CLI, deckhand, project } from '../helpers/project.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const TOPICS = 30;
const ARGS = ['build', '-a', 'patient', '-f', 'slides', '--jobs', '1'];

/** Many small topics, so a build takes long enough to be killed in the middle. */
function manyTopics(version: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < TOPICS; i++) {
    files[`content/t${String(i).padStart(3, '0')}.yaml`] = `title: Topic ${i} ${version}\nsummary: Summary ${version}.\nsections:\n  - title: One\n    points: [a, b]\n  - title: Two\n    body: Text ${version}.\n`;
  }
  return files;
}

describe('an interrupted build', () => {
  it('kill -9 mid-way leaves every artifact whole (old or new), and the next build completes it', async () => {
    const dir = project(undefined, manyTopics('old'));
    expect(deckhand(ARGS, dir, EPOCH).code).toBe(0);
    const out = join(dir, 'output');
    const old = Object.fromEntries(filesUnder(out).map((f) => [f, readFileSync(join(out, f))]));
    const reference = project(undefined, manyTopics('new'));
    expect(deckhand(ARGS, reference, EPOCH).code).toBe(0);
    const fresh = Object.fromEntries(filesUnder(join(reference, 'output')).map((f) => [f, readFileSync(join(reference, 'output', f))]));

    for (const [rel, text] of Object.entries(manyTopics('new'))) writeFileSync(join(dir, rel), text);
    const child = spawn(process.execPath, [CLI, ...ARGS], { cwd: dir, env: { ...process.env, ...EPOCH, CI: 'true' } });
    const killed = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (/^written/m.test(chunk.toString())) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => resolve(signal));
    });
    expect(killed).toBe('SIGKILL');

    // A temp file may be left by the kill; the next build sweeps it.
    const after = filesUnder(out).filter((f) => !f.endsWith('.deckhand-tmp'));
    expect(after).toEqual(Object.keys(old));
    let replaced = 0;
    for (const f of after.filter((f) => f !== 'manifest.json')) {
      const bytes = readFileSync(join(out, f));
      if (bytes.equals(old[f]!)) continue;
      expect(bytes.equals(fresh[f]!), `${f} is neither the old nor the new file`).toBe(true);
      replaced++;
    }
    expect(replaced).toBeGreaterThan(0);
    expect(replaced).toBeLessThan(after.length - 1); // really interrupted, not finished
    expect(readFileSync(join(out, 'manifest.json')).equals(old['manifest.json']!)).toBe(true);

    expect(deckhand(ARGS, dir, EPOCH).code).toBe(0);
    expect(hashesUnder(out)).toEqual(hashesUnder(join(reference, 'output'))); // manifest included, no temp files left
  });
});
