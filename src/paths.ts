import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** deckhand's own package root, found from this module (works from src/ under vitest and from the dist/ bundle). */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('deckhand: cannot find its package root');
    dir = up;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
export const BUILTIN_TEMPLATES = join(PACKAGE_ROOT, 'templates');
export const VERSION: string = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
