import { lstatSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `<slug>/<audience>/<file>` and nothing else: a hand-edited manifest cannot point outside the output folder. */
const ARTIFACT_PATH = /^(?!\.)[^/\\]+\/(?!\.)[^/\\]+\/(?!\.)[^/\\]+$/;

/**
 * --clean: removes files deckhand recorded (manifest or cache) that `keep` rejects — artifacts of
 * topics or audiences that no longer exist, or of formats no renderer makes any more — then the
 * folders that leaves empty. Files deckhand never wrote are never touched.
 */
export function cleanOutputs(outDir: string, recorded: Iterable<string>, keep: (path: string) => boolean): string[] {
  const removed: string[] = [];
  for (const path of new Set(recorded)) {
    if (!ARTIFACT_PATH.test(path) || path.split('/').includes('..') || keep(path)) continue;
    // A folder where a recorded file was is not something deckhand wrote (and rmSync would throw on it).
    if (lstatSync(join(outDir, path), { throwIfNoEntry: false })?.isDirectory()) continue;
    rmSync(join(outDir, path), { force: true });
    removed.push(path);
    for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) {
      try {
        if (readdirSync(join(outDir, dir)).length) break;
        rmdirSync(join(outDir, dir));
      } catch {
        break;
      }
    }
  }
  return removed.sort();
}
