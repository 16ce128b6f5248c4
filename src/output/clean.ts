import { topicAudiences } from '../content/resolve.js';
import type { LoadedTopics } from '../build/load-stage.js';
import type { BuildSettings } from '../build/settings.js';
import { readdirSync, rmdirSync, rmSync } from 'node:fs';
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

/** For --clean: an artifact stays while its topic exists, builds for its audience, and some renderer makes it. */
export function keepArtifact(loaded: LoadedTopics, settings: BuildSettings): (path: string) => boolean {
  const configured = new Set(settings.config.audiences.map((a) => a.name));
  const outputs = new Set(settings.allRenderers.map((r) => r.output));
  const topicAudienceNames = new Map(
    loaded.topics.map((t) => [t.slug, new Set(topicAudiences(t, settings.config).map((a) => a.name))]),
  );
  return (path) => {
    const [slug = '', audience = '', file = ''] = path.split('/');
    return (
      loaded.existing.has(slug) &&
      configured.has(audience) &&
      (topicAudienceNames.get(slug)?.has(audience) ?? true) &&
      outputs.has(file)
    );
  };
}
