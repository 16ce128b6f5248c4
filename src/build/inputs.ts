import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Topic } from '../content/types.js';
import { partialDirs, templatePath, type TemplateKind } from '../templates/lookup.js';

export type InputsHasher = (topic: Topic, audience: string, kind: TemplateKind) => string;

/**
 * sha256 over everything one artifact came from: deckhand's version, the config file, the
 * template it used and all partials, the topic file and its images. Contents only, never paths,
 * so the same inputs hash the same anywhere; the selection (-a, -f, --shard) does not matter.
 */
export function inputsHasher(config: ResolvedConfig, version: string): InputsHasher {
  const files = new Map<string, Buffer | string>();
  // Runs before the template engine reports bad template files: never read (or block on) anything
  // but a regular file; what cannot be read hashes as such, and the engine says why later.
  const read = (path: string) => {
    let bytes = files.get(path);
    if (bytes === undefined) {
      try {
        bytes = statSync(path).isFile() ? readFileSync(path) : 'not a file';
      } catch (e) {
        bytes = `unreadable: ${(e as NodeJS.ErrnoException).code}`;
      }
      files.set(path, bytes);
    }
    return bytes;
  };
  const shared = createHash('sha256').update(`deckhand ${version}\0`);
  shared.update(config.file ? read(config.file) : 'no config').update('\0');
  for (const dir of partialDirs(config.templates)) {
    for (const name of readdirSync(dir)
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
    for (const src of [...topic.images.keys()].sort()) hash.update(`${src}\0`).update(topic.images.get(src)!.bytes);
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
