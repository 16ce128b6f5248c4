import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/**
 * Where a project file really is: `inside` the project root (after following every link), `outside`
 * it, or `missing`. Themes, templates and partials are read only from inside, like images: a config
 * or a pull request must not make a build read ~/.ssh or /etc. For a path outside, whether anything
 * exists there is never told (`outside` either way), so messages cannot probe the disk.
 */
export function confine(
  root: string,
  path: string,
): { where: 'inside'; real: string } | { where: 'outside' | 'missing' } {
  const abs = resolve(root, path);
  if (!inside(root, abs)) return { where: 'outside' };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = root;
  }
  try {
    const real = realpathSync(abs);
    return inside(realRoot, real) ? { where: 'inside', real } : { where: 'outside' };
  } catch {
    // Missing: but a missing file below a link that leads out is "outside", and so is a dangling link.
    for (let p = dirname(abs); p !== dirname(p); p = dirname(p)) {
      let real: string;
      try {
        real = realpathSync(p);
      } catch {
        continue;
      }
      if (!inside(realRoot, real)) return { where: 'outside' };
      break;
    }
    try {
      return lstatSync(abs, { throwIfNoEntry: false }) ? { where: 'outside' } : { where: 'missing' };
    } catch {
      return { where: 'missing' };
    }
  }
}
