import { join } from 'node:path';
import { displayPath } from '../config/load.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { VERSION } from '../paths.js';
import { CACHE_FILE, cacheBytes, cacheEntry, type CacheEntry, type TopicMemo } from './cache.js';
import { writeAtomic } from './emit.js';
import { MANIFEST, manifestBytes, mergeManifest } from './manifest.js';
import { artifactRecord, cachedRecord, renderDiagnostics, renderFailure, writeArtifact } from './outputs.js';
import type { Task } from './plan.js';
import type { Freshness, Previous } from './previous.js';
import { renderTasks } from './render-stage.js';
import type { BuildSettings } from './settings.js';
import type { ArtifactRecord, ProgressEvent } from './types.js';
import type { RenderWorker } from './worker-pool.js';

export interface Built {
  artifacts: ArtifactRecord[];
  cache: CacheEntry[];
}

/**
 * Renders what the cache cannot vouch for and writes each artifact as soon as it is done.
 * `skipped`: the artifacts of topics not even planned, being up to date.
 */
export async function renderAndWrite(tasks: readonly Task[], skipped: readonly CacheEntry[], settings: BuildSettings, workers: readonly RenderWorker[], isFresh: Freshness, progress: (e: ProgressEvent) => void, diagnostics: Diagnostic[]): Promise<Built> {
  const fresh = new Map<Task, CacheEntry>();
  for (const task of tasks) {
    const entry = isFresh(task.path, task.renderer.name, task.inputs);
    if (entry) fresh.set(task, entry);
  }
  const toRender = tasks.filter((t) => !fresh.has(t));
  const total = tasks.length + skipped.length;
  const topics = new Set([...tasks.map((t) => t.unit.topic.slug), ...skipped.map((e) => e.topic)]).size;
  progress({ type: 'plan', total, cached: fresh.size + skipped.length, topics });

  const records: ArtifactRecord[] = [];
  const cache: CacheEntry[] = [...skipped, ...fresh.values()];
  const report = (record: ArtifactRecord) => {
    records.push(record);
    progress({ type: 'artifact', artifact: record, done: records.length, total });
  };
  for (const entry of [...skipped, ...fresh.values()]) report(cachedRecord(entry));
  await renderTasks(toRender, settings, workers, {
    start: (task) => progress({ type: 'render', path: task.path, topic: task.unit.topic.slug, audience: task.unit.audience.name }),
    done: (task, outcome) => {
      if (!outcome.ok) return void diagnostics.push(renderFailure(task, outcome));
      diagnostics.push(...renderDiagnostics(task, outcome.output));
      const status = writeArtifact(settings.outDir, task, outcome.output.bytes, diagnostics, settings.cwd);
      if (!status) return;
      const record = artifactRecord(task, outcome.output, status);
      const entry = cacheEntry(record, task.renderer.name, settings.outDir);
      if (entry) cache.push(entry);
      report(record);
    },
  });
  return { artifacts: records, cache };
}

/** Merges this build into manifest.json and the cache; both are left untouched when nothing changed. */
export function writeState(settings: BuildSettings, previous: Previous, built: Built, removed: readonly string[], memos: ReadonlyMap<string, TopicMemo>, diagnostics: Diagnostic[]): void {
  const { outDir } = settings;
  const entries = mergeManifest(previous.manifest, built.artifacts, outDir, removed);
  const cache = new Map(previous.cache);
  for (const path of removed) cache.delete(path);
  for (const entry of built.cache) cache.set(entry.path, entry);
  for (const [path, entry] of cache) if (!cacheEntry(entry, entry.renderer, outDir)) cache.delete(path);
  if (!entries.length && !previous.manifest.size) return;
  try {
    writeAtomic(join(outDir, MANIFEST), manifestBytes(entries, VERSION, settings.dateFixed ? settings.date : undefined));
    writeAtomic(join(outDir, CACHE_FILE), cacheBytes([...cache.values()], memos, VERSION));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    diagnostics.push(error(Codes.output, `cannot write ${MANIFEST} (${code})`, { file: displayPath(join(outDir, MANIFEST), settings.cwd), hint: 'check that the output folder is writable' }));
  }
}
