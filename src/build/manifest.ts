import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Topic } from '../content/types.js';
import type { ArtifactRecord } from './types.js';

/**
 * sha256 over everything an artifact came from: the topic text, its images, the templates and
 * partials, the config and deckhand's version. Same inputs, same hash, on any machine.
 */
export function hashInputs(templateFiles: readonly string[], configFile: string | undefined, version: string): (topic: Topic) => string {
  const shared = createHash('sha256').update(`deckhand ${version}\n`);
  for (const f of [...templateFiles].sort()) shared.update(readFileSync(f));
  if (configFile) shared.update(readFileSync(configFile));
  const sharedDigest = shared.digest('hex');
  return (topic) => {
    const h = createHash('sha256').update(sharedDigest).update(topic.source.text);
    for (const src of [...topic.images.keys()].sort()) h.update(topic.images.get(src)!.bytes);
    return h.digest('hex');
  };
}

/** `<out>/manifest.json`: stable key order, paths relative, the build date from SOURCE_DATE_EPOCH. */
export function writeManifest(artifacts: readonly ArtifactRecord[], date: Date, version: string): Uint8Array {
  const manifest = {
    tool: 'deckhand',
    version,
    buildDate: date.toISOString(),
    artifacts: [...artifacts]
      .sort((a, b) => a.path.localeCompare(b.path))
      .map(({ path, topic, audience, format, bytes, sha256, pages, inputs }) => ({ path, topic, audience, format, bytes, sha256, ...(pages !== undefined ? { pages } : {}), inputs })),
  };
  return new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n');
}
