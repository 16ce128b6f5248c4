import { basename, dirname, extname } from 'node:path';
import { langChain } from '../strings/strings.js';
import { discoverTopics, findTopics } from '../content/discover.js';
import { loadTopics } from '../content/load-topics.js';
import type { Topic } from '../content/types.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import type { BuildSettings } from './settings.js';
import { shardSlugs } from './shard.js';

export interface LoadedTopics {
  /** The topics this build covers (after --shard), in file order. */
  topics: Topic[];
  /** Slugs of every topic file found, in any shard, plus the configured content folder (for --clean). */
  existing: Set<string>;
  /** The translations' languages of every topic found, by slug, whatever -l picked (for --clean). */
  languages: Map<string, Set<string>>;
  diagnostics: Diagnostic[];
}

/** Finds the topic files, keeps this shard's, and loads and validates them. */
export async function loadStage(settings: BuildSettings): Promise<LoadedTopics> {
  const { config, paths, shard } = settings;
  const found = findTopics(paths, config.content);
  const slug = (f: string) => basename(f, extname(f));
  const mine = shard ? shardSlugs(found.files.map(slug), shard) : undefined;
  const files = mine ? found.files.filter((f) => mine.has(slug(f))) : found.files;
  const kept = new Set(files);
  const translations = found.translations.filter((t) =>
    [...kept].some((f) => slug(f) === t.slug && dirname(f) === dirname(t.path)),
  );
  const langs = settings.langs;
  const loaded = await loadTopics(
    files,
    config,
    translations,
    langs && ((lang: string) => langs.some((l) => langChain(lang).includes(l.toLowerCase()))),
  );
  const existing = new Set(
    [...found.files, ...(paths?.length ? discoverTopics([config.content]).files : [])].map(slug),
  );
  const languages = new Map<string, Set<string>>();
  const everyTranslation = [
    ...found.translations,
    ...(paths?.length ? discoverTopics([config.content]).translations : []),
  ];
  for (const t of everyTranslation)
    (languages.get(t.slug) ?? languages.set(t.slug, new Set()).get(t.slug)!).add(t.lang);
  return { topics: loaded.topics, existing, languages, diagnostics: [...found.diagnostics, ...loaded.diagnostics] };
}
