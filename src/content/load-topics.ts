import type { ResolvedConfig } from '../config/types.js';
import { Codes } from '../errors/codes.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import { findTopics } from './discover.js';
import { loadTopic } from './load.js';
import type { Topic } from './types.js';

/** Loads and validates topic files (in order); the topics that passed, and every problem found. */
export async function loadTopics(
  files: readonly string[],
  config: ResolvedConfig,
): Promise<{ topics: Topic[]; diagnostics: Diagnostic[] }> {
  const loaded = await Promise.all(files.map((f) => loadTopic(f, config)));
  return {
    topics: loaded.flatMap((l) => (l.topic ? [l.topic] : [])),
    diagnostics: loaded.flatMap((l) => l.diagnostics),
  };
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
): Promise<Diagnostic[]> {
  const found = findTopics(paths, config.content);
  const loaded = await loadTopics(found.files, config);
  return [...found.diagnostics, ...loaded.diagnostics].filter(
    (d) => audiencesKnown || d.code !== Codes.unknownAudience,
  );
}
