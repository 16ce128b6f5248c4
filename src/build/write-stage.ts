import type { Diagnostic } from '../errors/diagnostic.js';
import { cacheEntry, type CacheEntry } from '../output/cache.js';
import type { Freshness } from '../output/previous.js';
import { Spool } from '../output/spool.js';
import { artifactRecord, cachedRecord, renderDiagnostics, renderFailure, writeArtifact } from './artifacts.js';
import type { Task } from './plan.js';
import type { RenderOutcome } from './threads/render-one.js';
import { renderQueue } from './threads/queue.js';
import type { BuildSettings } from './settings.js';
import type { ArtifactRecord, ProgressEvent } from './types.js';
import type { RenderWorker } from './threads/worker-pool.js';

export interface Built {
  artifacts: ArtifactRecord[];
  cache: CacheEntry[];
}

/** Rendering that starts while the build still plans; see `startRendering`. */
export interface Rendering {
  /** Tasks of one more planned topic: those the cache cannot vouch for start rendering. */
  add(tasks: readonly Task[]): void;
  /** All input is clean: writes what is rendered, renders the rest, writes each as it is done. */
  finish(skipped: readonly CacheEntry[]): Promise<Built>;
  /** The input has errors: nothing is written. */
  abort(): Promise<void>;
}

/**
 * Renders tasks as the build plans them (workers need not wait for the last topic to be linted),
 * but writes nothing before `finish`: an error in a later topic must leave every output as it was.
 * Until then results wait: in memory up to `HELD_IN_MEMORY` bytes, then in a spool on disk, so memory
 * stays flat however many topics a build has.
 */
const HELD_IN_MEMORY = 32 * 1024 * 1024;

type Held = { task: Task; outcome: RenderOutcome; bytes?: Uint8Array | number };

export function startRendering(
  settings: BuildSettings,
  workers: readonly RenderWorker[],
  isFresh: Freshness,
  progress: (e: ProgressEvent) => void,
  diagnostics: Diagnostic[],
): Rendering {
  const fresh: CacheEntry[] = [];
  const topics = new Set<string>();
  let planned = 0;
  let total = 0;
  const records: ArtifactRecord[] = [];
  const cache: CacheEntry[] = [];
  let held: Held[] | undefined = [];
  const spool = new Spool(HELD_IN_MEMORY);
  const hold = (task: Task, outcome: RenderOutcome): Held => {
    if (!outcome.ok) return { task, outcome };
    // The bytes leave the outcome, so that only the spool keeps them.
    const bytes = spool.hold(outcome.output.bytes);
    return { task, outcome: { ok: true, output: { ...outcome.output, bytes: new Uint8Array(0) } }, bytes };
  };
  const unhold = ({ task, outcome, bytes }: Held): [Task, RenderOutcome] =>
    outcome.ok && bytes !== undefined
      ? [task, { ok: true, output: { ...outcome.output, bytes: spool.take(bytes) } }]
      : [task, outcome];
  const report = (record: ArtifactRecord) => {
    records.push(record);
    progress({ type: 'artifact', artifact: record, done: records.length, total });
  };
  const write = (task: Task, outcome: RenderOutcome) => {
    if (!outcome.ok) return void diagnostics.push(renderFailure(task, outcome));
    diagnostics.push(...renderDiagnostics(task, outcome.output));
    const status = writeArtifact(settings.outDir, task, outcome.output.bytes, diagnostics);
    if (!status) return;
    const record = artifactRecord(task, outcome.output, status);
    const entry = cacheEntry(record, task.renderer.name, settings.outDir);
    if (entry) cache.push(entry);
    report(record);
  };
  const queue = renderQueue(settings, workers, {
    start: (task) =>
      held ||
      progress({ type: 'render', path: task.path, topic: task.unit.topic.slug, audience: task.unit.audience.name }),
    done: (task, outcome) => (held ? held.push(hold(task, outcome)) : write(task, outcome)),
  });
  return {
    add(tasks) {
      planned += tasks.length;
      const checked = tasks.map((task) => ({ task, entry: isFresh(task.path, task.renderer.name, task.inputs) }));
      for (const { task, entry } of checked) {
        topics.add(task.unit.topic.slug);
        // A cache written before artifacts carried a language still gets one in the manifest.
        if (entry) fresh.push(entry.lang === undefined ? { ...entry, lang: task.unit.lang } : entry);
      }
      queue.add(checked.filter((t) => !t.entry).map((t) => t.task));
    },
    async finish(skipped) {
      total = planned + skipped.length;
      for (const entry of skipped) topics.add(entry.topic);
      progress({ type: 'plan', total, cached: fresh.length + skipped.length, topics: topics.size });
      cache.push(...skipped, ...fresh);
      for (const entry of [...skipped, ...fresh]) report(cachedRecord(entry));
      const ready = held ?? [];
      held = undefined;
      try {
        for (const h of ready) write(...unhold(h));
        await queue.close();
      } finally {
        spool.close();
      }
      return { artifacts: records, cache };
    },
    async abort() {
      try {
        await queue.abort();
      } finally {
        spool.close();
      }
    },
  };
}
