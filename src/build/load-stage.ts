import { basename, extname, resolve } from 'node:path';
import { displayPath } from '../config/load.js';
import { loadTopic } from '../content/load.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Topic } from '../content/types.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { discoverTopics } from '../content/discover.js';
import type { BuildSettings } from './settings.js';
import { inShard } from './shard.js';

export interface LoadedTopics {
  /** The topics this build covers (after --shard), in file order. */
  topics: Topic[];
  /** Slugs of every topic file found, in any shard, plus the configured content folder (for --clean). */
  existing: Set<string>;
  diagnostics: Diagnostic[];
}

/** Finds the topic files, keeps this shard's, and loads and validates them. */
export async function loadTopics(paths: readonly string[] | undefined, settings: BuildSettings): Promise<LoadedTopics> {
  const { config, cwd, shard } = settings;
  const found = discoverTopics(paths?.length ? paths : [config.content], cwd);
  const diagnostics = [...found.diagnostics];
  if (!found.files.length && !found.diagnostics.length) {
    diagnostics.push(
      error(Codes.noTopics, 'no topic files found', {
        file: displayPath(resolve(cwd, paths?.[0] ?? config.content), cwd),
        hint: 'topics are .yaml, .yml or .json files',
      }),
    );
  }
  const slug = (f: string) => basename(f, extname(f));
  const files = shard ? found.files.filter((f) => inShard(slug(f), shard)) : found.files;
  const loaded = await Promise.all(files.map((f) => loadTopic(f, config, cwd)));
  for (const l of loaded) diagnostics.push(...l.diagnostics);
  const existing = new Set(
    [...found.files, ...(paths?.length ? discoverTopics([config.content], cwd).files : [])].map(slug),
  );
  return { topics: loaded.flatMap((l) => (l.topic ? [l.topic] : [])), existing, diagnostics };
}

/**
 * The problems of the topic files under a broken config's fallback (see `loadConfig`), so a config
 * error does not hide them. Audience names are left unchecked when the config's audiences are
 * among its problems.
 */
export async function topicProblems(
  paths: readonly string[] | undefined,
  config: ResolvedConfig,
  audiencesKnown: boolean,
  cwd: string,
): Promise<Diagnostic[]> {
  const found = discoverTopics(paths?.length ? paths : [config.content], cwd);
  const loaded = await Promise.all(found.files.map((f) => loadTopic(f, config, cwd)));
  return [...found.diagnostics, ...loaded.flatMap((l) => l.diagnostics)].filter(
    (d) => audiencesKnown || d.code !== Codes.unknownAudience,
  );
}
