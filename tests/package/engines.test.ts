import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { subset } from 'semver';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

interface LockEntry {
  dev?: boolean;
  optional?: boolean;
  engines?: { node?: string } | string[];
}
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

describe('engines', () => {
  it('the lockfile records the engines package.json declares', () => {
    expect((lock.packages[''] as LockEntry).engines).toEqual(manifest.engines);
  });

  // What a user installs: every package that is not only a development tool. Each one must accept every
  // Node version deckhand says it runs on, or npm prints EBADENGINE (or refuses, with engine-strict).
  it('no installed dependency wants a Node version outside deckhand’s engines', () => {
    const ours = manifest.engines.node;
    const wanting = Object.entries(lock.packages)
      .filter(([path, e]) => path !== '' && !e.dev && e.engines && !Array.isArray(e.engines) && e.engines.node)
      .filter(([, e]) => !subset(ours, (e.engines as { node: string }).node))
      .map(
        ([path, e]) => `${path.replace(/^.*node_modules\//, '')} wants node ${(e.engines as { node: string }).node}`,
      );
    expect(wanting, `deckhand says node ${ours}`).toEqual([]);
  });
});
