import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describeProblem, readRegularFile } from '../source/regular-file.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Topic } from '../content/types.js';
import { partialDirs, templatePath, type TemplateKind } from '../templates/lookup.js';

export type InputsHasher = (topic: Topic, audience: string, kind: TemplateKind) => string;

/** No input deckhand reads is larger (topics 5 MiB, images 20 MiB); a bigger "file" is hashed as such. */
const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/**
 * The one list of what shapes an artifact — the cache, --check and watch all follow it: deckhand's
 * version, the config file, the custom theme CSS files it names, the template used and all
 * partials, the topic file and its images, and where the images lie relative to the output folder
 * (slides.md refers to them by relative path, so moving the output folder changes it). Contents
 * and relative paths only, so the same project hashes the same wherever it is checked out; the
 * selection (-a, -f, --shard) does not matter.
 */
export function inputsHasher(config: ResolvedConfig, version: string, outDir?: string): InputsHasher {
  const files = new Map<string, Buffer | string>();
  // Runs before the template engine reports bad template files: never read (or block on) anything
  // but a regular file; what cannot be read hashes as such, and the engine says why later.
  const read = (path: string) => {
    let bytes = files.get(path);
    if (bytes === undefined) {
      const r = readRegularFile(path, MAX_INPUT_BYTES);
      bytes = 'bytes' in r ? r.bytes : `unreadable: ${describeProblem(r.problem)}`;
      files.set(path, bytes);
    }
    return bytes;
  };
  const shared = createHash('sha256').update(`deckhand ${version}\0`);
  shared.update(config.file ? read(config.file) : 'no config').update('\0');
  for (const theme of [...config.themes].sort((a, b) => (a.name < b.name ? -1 : 1)))
    shared.update(`theme ${theme.name}\0`).update(read(theme.path)).update('\0');
  for (const dir of partialDirs(config.templates)) {
    for (const name of listNames(dir)
      .filter((n) => n.endsWith('.hbs'))
      .sort())
      shared
        .update(`${name}\0`)
        .update(read(join(dir, name)))
        .update('\0');
  }
  const base = shared.digest('hex');
  const byTopic = new Map<Topic, string>();
  const topicHash = (topic: Topic) => {
    let h = byTopic.get(topic);
    if (h) return h;
    const hash = createHash('sha256').update(`${topic.slug}\0`).update(topic.source.text).update('\0');
    // An artifact lies in <out>/<slug>/<audience>/: the image's path from there is what slides.md says.
    const from = outDir === undefined ? undefined : join(outDir, 'topic', 'audience');
    for (const src of [...topic.images.keys()].sort()) {
      const image = topic.images.get(src)!;
      const where = from === undefined ? '' : relative(from, image.path).split(sep).join('/');
      hash.update(`${src}\0${where}\0`).update(image.bytes);
    }
    byTopic.set(topic, (h = hash.digest('hex')));
    return h;
  };
  return (topic, audience, kind) =>
    createHash('sha256')
      .update(base)
      .update(topicHash(topic))
      .update(kind)
      .update('\0')
      .update(read(templatePath(config.templates, audience, kind)))
      .digest('hex');
}

/** A folder's names; an unreadable one hashes as empty (the template engine reports it, positioned). */
function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [`unreadable ${dir}`];
  }
}
