import { createHash } from 'node:crypto';
import { topicAudiences } from '../content/resolve.js';
import type { Topic } from '../content/types.js';
import { hasErrors, type Diagnostic } from '../errors/diagnostic.js';
import type { CacheEntry, TopicMemo } from '../output/cache.js';
import { freshness, nothingBefore, readPrevious, type Freshness, type Previous } from '../output/previous.js';
import { VERSION } from '../paths.js';
import type { InputsHasher } from './inputs.js';
import { artifactPath } from './plan.js';
import { topicVariants } from './languages.js';
import { localisedOutput } from '../render/registry.js';
import type { LoadedRun } from './run.js';
import { audienceRenderers, type BuildSettings } from './settings.js';

/** A loaded topic before it is resolved: the artifacts it is built into, and those the cache vouches for. */
export interface TopicState {
  topic: Topic;
  /** Its artifacts' paths, in output order. */
  paths: string[];
  /** Hash of the topic's file name and of every artifact's path, renderer and inputs. */
  key: string;
  /** One per artifact when every one is fresh; otherwise the topic needs rendering. */
  fresh: CacheEntry[] | undefined;
}

/** Known from the files alone (the inputs hash needs no resolving): so workers can start early and up-to-date topics be
 * skipped. */
export function topicStates(
  topics: readonly Topic[],
  settings: BuildSettings,
  isFresh: Freshness,
  inputs: InputsHasher,
): TopicState[] {
  const wanted = settings.audiences;
  return topics.map((topic) => {
    const artifacts = topicVariants(topic, settings).flatMap((v) =>
      topicAudiences(v.topic, settings.config)
        .filter((a) => !wanted || wanted.includes(a.name))
        .flatMap((a) =>
          audienceRenderers(settings, a).map((r) => ({
            path: artifactPath(topic.slug, a.name, localisedOutput(r.output, v.suffix)),
            lang: v.lang,
            renderer: r.name,
            inputs: inputs(v.topic, a.name, r.source),
          })),
        ),
    );
    const key = createHash('sha256').update(`${topic.path}\n`);
    for (const t of topic.translations ?? []) key.update(`${t.path}\n`);
    for (const a of artifacts) key.update(`${a.path}\0${a.renderer}\0${a.inputs}\n`);
    const entries = artifacts.map((a) => {
      const entry = isFresh(a.path, a.renderer, a.inputs);
      // A cache written before artifacts carried a language still gets one in the manifest.
      return entry && entry.lang === undefined ? { ...entry, lang: a.lang } : entry;
    });
    return {
      topic,
      paths: artifacts.map((a) => a.path),
      key: key.digest('hex'),
      fresh: entries.every(Boolean) ? (entries as CacheEntry[]) : undefined,
    };
  });
}

/**
 * The memos the cache keeps after this build: a topic built now records its file's diagnostics
 * (unless it has errors: then it is built again next time); the others keep theirs.
 */
export function topicMemos(
  previous: Previous,
  states: readonly TopicState[],
  built: ReadonlySet<Topic>,
  diagnostics: readonly Diagnostic[],
): Map<string, TopicMemo> {
  const memos = new Map(previous.topics);
  for (const { topic, key } of states) {
    if (!built.has(topic)) continue;
    const files = new Set([topic.path, ...(topic.translations ?? []).map((t) => t.path)]);
    const own = diagnostics.filter((d) => d.file !== undefined && files.has(d.file));
    if (hasErrors(own)) memos.delete(topic.slug);
    else memos.set(topic.slug, { key, diagnostics: own });
  }
  return memos;
}

/** What the output folder vouches for before anything is planned. */
export interface CacheView {
  previous: Previous;
  fresh: Freshness;
  states: TopicState[];
  /** Topics whose every artifact is up to date, with their diagnostics on record: not planned again. */
  skipped: TopicState[];
  /** The other topics, in file order. */
  toPlan: Topic[];
  /** How many topics need rendering (workers start only for those). */
  toRender: number;
}

/**
 * Reads the manifest and the incremental cache: an up-to-date topic with its diagnostics on record
 * is not resolved, templated, linted or rendered again (its warnings are replayed). `force`: nothing
 * counts as up to date.
 */
export function cacheStage(run: LoadedRun, force: boolean): CacheView {
  const { settings } = run;
  const previous = readPrevious(settings.outDir, VERSION);
  const fresh = freshness(
    force ? nothingBefore() : previous,
    settings.outDir,
    settings.dateFixed ? settings.date : undefined,
  );
  const states = topicStates(run.loaded.topics, settings, fresh, run.inputs);
  const skipped = states.filter((s) => s.fresh && previous.topics.get(s.topic.slug)?.key === s.key);
  for (const s of skipped) run.diagnostics.push(...previous.topics.get(s.topic.slug)!.diagnostics);
  const toPlan = run.loaded.topics.filter((t) => !skipped.some((s) => s.topic === t));
  return { previous, fresh, states, skipped, toPlan, toRender: states.filter((s) => !s.fresh).length };
}
