import type { Topic } from '../content/types.js';
import { topicAudiences } from '../content/resolve.js';
import { freshEntry, readCache, type CacheEntry } from './cache.js';
import type { InputsHasher } from './inputs.js';
import { readManifest, type ManifestEntry } from './manifest.js';
import { artifactPath } from './plan.js';
import type { BuildSettings } from './settings.js';

/** What the output folder held before this build: its manifest and the incremental cache. */
export interface Previous {
  manifest: Map<string, ManifestEntry>;
  cache: Map<string, CacheEntry>;
}

export const nothingBefore = (): Previous => ({ manifest: new Map(), cache: new Map() });

export function readPrevious(outDir: string, version: string): Previous {
  return { manifest: readManifest(outDir), cache: readCache(outDir, version) };
}

/** The entry of an artifact the previous build vouches for, or undefined: it must be rendered. */
export type Freshness = (path: string, renderer: string, inputs: string) => CacheEntry | undefined;

/** Memoised: an artifact whose mtime moved is hashed once, though it is asked about twice. */
export function freshness(previous: Previous, settings: BuildSettings): Freshness {
  const date = settings.dateFixed ? { date: settings.date.toISOString() } : {};
  const memo = new Map<string, CacheEntry | undefined>();
  return (path, renderer, inputs) => {
    const key = `${path}\0${renderer}\0${inputs}`;
    if (!memo.has(key)) memo.set(key, freshEntry(previous.cache.get(path) ?? previous.manifest.get(path), { renderer, inputs, ...date }, settings.outDir));
    return memo.get(key);
  };
}

/**
 * Whether a loaded topic has something to render, known before it is resolved and templated
 * (the inputs hash needs only the files): worker threads can start that early.
 */
export function needsRender(settings: BuildSettings, fresh: Freshness, inputs: InputsHasher): (topic: Topic) => boolean {
  const wanted = settings.audiences;
  return (topic) =>
    topicAudiences(topic, settings.config)
      .filter((a) => !wanted || wanted.includes(a.name))
      .some((a) => settings.renderers.some((r) => !fresh(artifactPath(topic.slug, a.name, r.output), r.name, inputs(topic, a.name, r.source))));
}
