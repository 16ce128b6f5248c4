import { lstatSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outputPathProblem } from './safe-path.js';

/** `<slug>/<audience>/<file>` and nothing else: a hand-edited manifest cannot point outside the output folder. */
const ARTIFACT_PATH = /^(?!\.)[^/\\]+\/(?!\.)[^/\\]+\/(?!\.)[^/\\]+$/;

/**
 * --clean: removes files deckhand recorded (manifest or cache) that `keep` rejects — artifacts of
 * topics or audiences that no longer exist, or of formats no renderer makes any more — then the
 * folders that leaves empty. Files deckhand never wrote are never touched: only a regular file
 * (not a link) with a name some renderer produces (`produced`), reached through real folders inside
 * the output folder. A manifest entry is only a claim; a committed output folder may hold a link
 * to anywhere.
 */
export function cleanOutputs(
  outDir: string,
  recorded: Iterable<string>,
  keep: (path: string) => boolean,
  produced?: ReadonlySet<string>,
): string[] {
  const removed: string[] = [];
  for (const path of new Set(recorded)) {
    if (!ARTIFACT_PATH.test(path) || path.split('/').includes('..') || keep(path)) continue;
    if (produced && !produced.has(path.split('/')[2]!)) continue;
    const full = join(outDir, path);
    if (outputPathProblem(outDir, full)) continue;
    const info = lstatSync(full, { throwIfNoEntry: false });
    // A folder, link or device where a recorded file was is not something deckhand wrote.
    if (info && !info.isFile()) continue;
    rmSync(full, { force: true });
    removed.push(path);
    for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) {
      try {
        if (outputPathProblem(outDir, join(outDir, dir, 'x'))) break;
        if (readdirSync(join(outDir, dir)).length) break;
        rmdirSync(join(outDir, dir));
      } catch {
        break;
      }
    }
  }
  return removed.sort();
}
