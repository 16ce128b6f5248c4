import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchProject } from '../../src/watch/watch.js';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

/** Issue 22, items 6 and 18: every file and place that shapes an output is an input of the cache. */
const themed = () => {
  const dir = project('bad/_seed');
  mkdirSync(join(dir, 'themes'));
  writeFileSync(join(dir, 'themes/clinic.css'), "/* @theme clinic */\n@import 'default';\nsection { color: #123; }\n");
  writeFileSync(
    join(dir, 'deckhand.config.yaml'),
    'slides:\n  theme: ./themes/clinic.css\naudiences:\n  patient: {}\n  clinician: {}\n',
  );
  return dir;
};
const statuses = (stderr: string) => [...stderr.matchAll(/^(\w+)\s+topic\/patient\/slides\.html/gm)].map((m) => m[1]);

describe('the cache follows every input', () => {
  it('an edited theme CSS rebuilds the decks, and --check agrees (item 6)', async () => {
    const dir = themed();
    expect((await runDeckhand(['build', '-f', 'slides'], dir)).code).toBe(0);
    writeFileSync(
      join(dir, 'themes/clinic.css'),
      "/* @theme clinic */\n@import 'default';\nsection { color: #400; }\n",
    );
    const check = await runDeckhand(['build', '-f', 'slides', '--check'], dir);
    expect(check.code).toBe(1); // stale: the deck carries the old CSS
    const again = await runDeckhand(['build', '-f', 'slides'], dir);
    expect(statuses(again.stderr)).toEqual(['written']);
    expect((await runDeckhand(['build', '-f', 'slides', '--check'], dir)).code).toBe(0);
  });

  it('watch watches the theme CSS (item 6)', async () => {
    const dir = themed();
    const session = await watchProject({ cwd: dir, formats: ['slides'] }, { onBuild: () => {} });
    try {
      expect(session.watched()).toContain(join(dir, 'themes/clinic.css'));
    } finally {
      await session.close();
    }
  });

  it('a moved output folder is not "cached" with image paths that no longer fit (item 18)', async () => {
    const dir = project('bad/_seed');
    expect((await runDeckhand(['build', '-f', 'slides', '-o', 'a'], dir)).code).toBe(0);
    mkdirSync(join(dir, 'x/y'), { recursive: true });
    renameSync(join(dir, 'a'), join(dir, 'x/y/z'));
    const moved = await runDeckhand(['build', '-f', 'slides', '-o', 'x/y/z'], dir);
    expect(moved.stderr).toMatch(/^written\s+topic\/patient\/slides\.md/m);
    expect((await runDeckhand(['build', '-f', 'slides', '-o', 'x/y/z', '--check'], dir)).code).toBe(0);
  });
});
