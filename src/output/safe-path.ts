import { lstatSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * The one check every write and removal under the output folder goes through: the path must lie
 * inside `root` and every folder between them must be a real folder, not a symlink. A link in a
 * committed output folder (changed by a pull request, say) would otherwise let a build write, or
 * --clean delete, files anywhere the user can. The output folder itself may be a link (users point
 * `output` at another disk); what lies inside it may not.
 *
 * Returns why the path is refused, or undefined when it is fine.
 */
export function outputPathProblem(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return 'outside the output folder';
  const parts = rel.split(sep);
  let at = root;
  for (const part of parts.slice(0, -1)) {
    at = join(at, part);
    const info = lstatSync(at, { throwIfNoEntry: false });
    if (!info) return undefined; // the rest is created as real folders
    if (info.isSymbolicLink()) return `${relative(root, at)} is a link`;
    if (!info.isDirectory()) return undefined; // a file in the way: mkdir reports it
  }
  return undefined;
}

/** An error with a code, as fs throws them, for a path `outputPathProblem` refused. */
export class OutputPathError extends Error {
  readonly code = 'ELINK';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Throws OutputPathError when `outputPathProblem` refuses the path. */
export function assertOutputPath(root: string, path: string): void {
  const problem = outputPathProblem(root, path);
  if (problem) throw new OutputPathError(path, problem);
}
