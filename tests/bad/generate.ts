import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FIXTURES } from '../helpers/project.js';

/** Inputs the corpus makes at run time rather than commit: huge files, and symlinks that lead out. */
export type Generated =
  /** A syntactically valid topic of about `bytes` bytes (a long list of points). */
  | { kind: 'big-topic'; path: string; bytes: number }
  /** `depth` nested flow sequences: `title: [[[…]]]`. */
  | { kind: 'deep-flow'; path: string; depth: number }
  /** A symlink to a file of the seed project, i.e. outside the case's project folder. */
  | { kind: 'symlink-out'; path: string; target: string }
  /** A symlink with this exact target (e.g. one that does not exist). */
  | { kind: 'symlink'; path: string; target: string }
  /** A named pipe: reading it blocks until someone writes, i.e. forever. */
  | { kind: 'fifo'; path: string };

export function generate(dir: string, g: Generated): void {
  const path = join(dir, g.path);
  mkdirSync(dirname(path), { recursive: true });
  if (g.kind === 'big-topic') {
    const line = '      - A point that is repeated to make the file very large indeed.\n';
    const head = 'title: Big\nsections:\n  - title: S\n    points:\n';
    writeFileSync(path, head + line.repeat(Math.ceil((g.bytes - head.length) / line.length)));
  } else if (g.kind === 'deep-flow') {
    writeFileSync(path, `title: ${'['.repeat(g.depth)}x${']'.repeat(g.depth)}\nsections:\n  - title: S\n`);
  } else if (g.kind === 'symlink-out') {
    symlinkSync(join(FIXTURES, 'bad/_seed', g.target), path);
  } else if (g.kind === 'symlink') {
    symlinkSync(g.target, path);
  } else {
    execFileSync('mkfifo', [path]);
  }
}
