import type { Topic } from '../content/types.js';
import { langChain } from '../strings/strings.js';
import type { BuildSettings } from './settings.js';

/** One language a topic is built in: the source itself, or a translation merged over it. */
export interface LangVariant {
  topic: Topic;
  lang: string;
  /** The tag its outputs' names carry (`handout.es-US.pdf`); null for the source language. */
  suffix: string | null;
}

/** `-l es` picks `es` and `es-US`; `-l es-US` only `es-US`. */
export function langWanted(lang: string, langs: readonly string[] | undefined): boolean {
  return !langs || langs.some((l) => langChain(lang).includes(l.toLowerCase()));
}

/**
 * Every language of a topic this build covers, source first: each is built like one more audience
 * (its own artifacts, inputs hash, cache entries and --clean rules). Translations were filtered by
 * `-l` when loaded.
 */
export function topicVariants(topic: Topic, settings: Pick<BuildSettings, 'config' | 'langs'>): LangVariant[] {
  const own = topic.data.lang ?? settings.config.lang;
  return [
    ...(langWanted(own, settings.langs) ? [{ topic, lang: own, suffix: null }] : []),
    ...(topic.translations ?? []).map((t) => ({ topic: t, lang: t.lang, suffix: t.lang })),
  ];
}
