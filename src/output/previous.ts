import { createHash } from 'node:crypto';
import { topicAudiences } from '../content/resolve.js';
import type { Topic } from '../content/types.js';
import { hasErrors, type Diagnostic } from '../errors/diagnostic.js';
import { freshEntry, readCache, type CacheEntry, type TopicMemo } from './cache.js';
import type { InputsHasher } from './inputs.js';
import { readManifest, type ManifestEntry } from './manifest.js';
import { artifactPath } from '../build/plan.js';
import type { BuildSettings } from '../build/settings.js';

/** What the output folder held before this build: its manifest and the incremental cache. */
export interface Previous {
  manifest: Map<string, ManifestEntry>;
  cache: Map<string, CacheEntry>;
  topics: Map<string, TopicMemo>;
}

export const nothingBefore = (): Previous => ({ manifest: new Map(), cache: new Map(), topics: new Map() });

export function readPrevious(outDir: string, version: string): Previous {
  const cache = readCache(outDir, version);
  return { manifest: readManifest(outDir), cache: cache.entries, topics: cache.topics };
}

/** The entry of an artifact the previous build vouches for, or undefined: it must be rendered. */
export type Freshness = (path: string, renderer: string, inputs: string) => CacheEntry | undefined;

/** Memoised: an artifact whose mtime moved is hashed once, though it is asked about twice. */
export function freshness(previous: Previous, settings: BuildSettings): Freshness {
  const date = settings.dateFixed ? { date: settings.date.toISOString() } : {};
  const memo = new Map<string, CacheEntry | undefined>();
  return (path, renderer, inputs) => {
    const key = `${path}\0${renderer}\0${inputs}`;
    if (!memo.has(key))
      memo.set(
        key,
        freshEntry(
          previous.cache.get(path) ?? previous.manifest.get(path),
          { renderer, inputs, ...date },
          settings.outDir,
        ),
      );
    return memo.get(key);
  };
}

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

/** Known from the files alone (the inputs hash needs no resolving): so workers can start early and up-to-date topics be skipped. */
export function topicStates(
  topics: readonly Topic[],
  settings: BuildSettings,
  isFresh: Freshness,
  inputs: InputsHasher,
): TopicState[] {
  const wanted = settings.audiences;
  return topics.map((topic) => {
    const artifacts = topicAudiences(topic, settings.config)
      .filter((a) => !wanted || wanted.includes(a.name))
      .flatMap((a) =>
        settings.renderers.map((r) => ({
          path: artifactPath(topic.slug, a.name, r.output),
          renderer: r.name,
          inputs: inputs(topic, a.name, r.source),
        })),
      );
    const key = createHash('sha256').update(`${topic.file}\n`);
    for (const a of artifacts) key.update(`${a.path}\0${a.renderer}\0${a.inputs}\n`);
    const entries = artifacts.map((a) => isFresh(a.path, a.renderer, a.inputs));
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
    const own = diagnostics.filter((d) => d.file === topic.file);
    if (hasErrors(own)) memos.delete(topic.slug);
    else memos.set(topic.slug, { key, diagnostics: own });
  }
  return memos;
}
