import type { ResolvedConfig } from '../config/types.js';
import { Codes } from '../errors/codes.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import { findTopics, type TranslationFile } from './discover.js';
import { loadTranslation } from './load-translation.js';
import { fallbackMarker } from '../config/lang-text.js';
import { loadTopic } from './load.js';
import type { Topic } from './types.js';

/**
 * Loads and validates topic files (in order) and their translations (those of the languages asked
 * for; all when `langs` is undefined); the topics that passed, and every problem found.
 */
export async function loadTopics(
  files: readonly string[],
  config: ResolvedConfig,
  translations: readonly TranslationFile[] = [],
  wanted: (lang: string) => boolean = () => true,
): Promise<{ topics: Topic[]; diagnostics: Diagnostic[] }> {
  const loaded = await Promise.all(files.map((f) => loadTopic(f, config)));
  const topics = loaded.flatMap((l) => (l.topic ? [l.topic] : []));
  const diagnostics = loaded.flatMap((l) => l.diagnostics);
  const bySlug = new Map(topics.map((t) => [t.slug, t]));
  const options = {
    fallback: config.translations.fallback,
    marker: (lang: string, sourceLang: string) => fallbackMarker(lang, sourceLang, config),
  };
  const merged = await Promise.all(
    translations.map(async (file) => {
      const source = bySlug.get(file.slug);
      if (!source || !wanted(file.lang)) return undefined;
      return { source, ...(await loadTranslation(file, source, config, options)) };
    }),
  );
  for (const m of merged) {
    if (!m) continue;
    diagnostics.push(...m.diagnostics);
    if (m.topic) (m.source.translations ??= []).push(m.topic);
  }
  return { topics, diagnostics };
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
  const loaded = await loadTopics(found.files, config, found.translations);
  return [...found.diagnostics, ...loaded.diagnostics].filter(
    (d) => audiencesKnown || d.code !== Codes.unknownAudience,
  );
}
