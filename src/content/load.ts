import { basename, dirname, extname, isAbsolute, relative, sep } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { Codes } from '../errors/codes.js';
import { error, hasErrors, type Diagnostic } from '../errors/diagnostic.js';
import { readImage } from './images.js';
import { readTextFile } from '../source/read.js';
import { TopicSchema, topicKeysAt } from './schema.js';
import { parseSource } from '../source/yaml-source.js';
import type { ImageAsset, Topic } from './types.js';
import { checkTopic } from './validate.js';
import { isMapValue, sectionMaps } from './walk.js';
import { issuesToDiagnostics } from '../source/zod-diagnostics.js';

export const TOPIC_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/**
 * Reads one topic file and everything it refers to, and validates it against the schema and
 * the configured audiences. Never throws for bad input: all problems come back as diagnostics.
 */
export async function loadTopic(
  path: string,
  config: ResolvedConfig,
): Promise<{ topic?: Topic; diagnostics: Diagnostic[] }> {
  const file = path;
  const read = await readTextFile(path, file);
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  const parsed = parseSource(read.text, file);
  const source = parsed.source;
  if (!source) return { diagnostics: parsed.diagnostics };
  if (source.data === null || source.data === undefined) {
    return {
      diagnostics: [
        error(Codes.fileEmpty, 'file has no content (only comments or blank lines)', {
          file,
          line: 1,
          col: 1,
          hint: 'a topic needs at least a title and one section',
        }),
      ],
    };
  }
  if (typeof source.data !== 'object' || Array.isArray(source.data)) {
    return {
      diagnostics: [
        error(Codes.schema, 'a topic must be a map with at least "title" and "sections"', {
          file,
          line: 1,
          col: 1,
          hint: 'see `deckhand schema` for the format',
        }),
      ],
    };
  }
  // Schema, audience names, ids and images are all checked, so one run reports every problem of the file.
  const result = TopicSchema.safeParse(source.data);
  const diagnostics = result.success
    ? []
    : issuesToDiagnostics(result.error.issues, source, topicKeysAt, 'run `deckhand schema` for the format of a topic');
  diagnostics.push(...checkTopic(source.data, source, config.audiences));
  const images = new Map<string, ImageAsset>();
  for (const { i, s } of sectionMaps(source.data)) {
    const src = isMapValue(s.image) ? s.image.src : undefined;
    if (typeof src !== 'string' || src === '' || images.has(src)) continue;
    const at = { file, ...source.locate(['sections', i, 'image', 'src']) };
    const { image, diagnostic } = await readImage(src, path, projectRoot(config, path), at);
    if (image) images.set(src, image);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  // The brand's logos (config or audience `brand.logo`) load like the topic's images: inside the project only.
  const logos = new Set([config.brand?.logo, ...config.audiences.map((a) => a.brand?.logo)].filter(Boolean));
  for (const logo of logos as Set<string>) {
    const src = brandLogoSrc(path, logo);
    if (images.has(src)) continue;
    const { image, diagnostic } = await readImage(src, path, projectRoot(config, path), { file: config.file ?? file });
    if (image) images.set(src, image);
    if (diagnostic) diagnostics.push({ ...diagnostic, message: `brand logo: ${diagnostic.message}` });
  }
  if (!result.success || hasErrors(diagnostics)) return { diagnostics };
  return { topic: { slug: basename(path, extname(path)), path, source, data: result.data, images }, diagnostics };
}

/** The key of a brand logo among a topic's images: its path relative to the topic file, as readImage takes it. */
export function brandLogoSrc(topicPath: string, logo: string): string {
  return relative(dirname(topicPath), logo).split(sep).join('/');
}

/**
 * The folder a topic's images must stay inside: the config's folder; without a config, the topic's
 * content folder's parent (`proj/content/t.yaml` → `proj`), never a folder above the working
 * directory's own project — run from a parent folder, a topic must not reach its neighbours.
 */
export function projectRoot(config: ResolvedConfig, topicPath: string): string {
  if (config.file) return config.root;
  const parent = dirname(dirname(topicPath));
  const within = (a: string, b: string) => {
    const rel = relative(a, b);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  // Of the working directory and the topic's project, the narrower.
  return within(parent, config.root) && !within(config.root, parent) ? config.root : parent;
}
