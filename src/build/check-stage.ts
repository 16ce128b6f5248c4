import type { Diagnostic } from '../errors/diagnostic.js';
import { readManifest, type ManifestEntry } from '../output/manifest.js';
import { artifactRecord, compareArtifact, renderDiagnostics, renderFailure } from './artifacts.js';
import type { Task } from './plan.js';
import { renderTasks } from './threads/queue.js';
import type { BuildSettings } from './settings.js';
import type { ArtifactRecord, ProgressEvent } from './types.js';
import type { RenderWorker } from './threads/worker-pool.js';

/**
 * --check (and `write: false`): renders everything in memory and compares with the disk. An
 * artifact is rendered at the date the manifest records for it, so --check gates content, not
 * the time of the last build.
 */
export async function compareWithDisk(
  tasks: readonly Task[],
  settings: BuildSettings,
  workers: readonly RenderWorker[],
  useRecordedDates: boolean,
  progress: (e: ProgressEvent) => void,
  diagnostics: Diagnostic[],
): Promise<ArtifactRecord[]> {
  const recorded = useRecordedDates ? readManifest(settings.outDir) : new Map<string, ManifestEntry>();
  const dated = tasks.map((t) => {
    const date = recorded.get(t.path)?.date;
    return date && !Number.isNaN(Date.parse(date)) ? { ...t, date: new Date(date) } : t;
  });
  progress({ type: 'plan', total: dated.length, cached: 0, topics: new Set(dated.map((t) => t.unit.topic.slug)).size });
  const records = new Map<Task, ArtifactRecord>();
  await renderTasks(dated, settings, workers, {
    start: (task) =>
      progress({ type: 'render', path: task.path, topic: task.unit.topic.slug, audience: task.unit.audience.name }),
    done: (task, outcome) => {
      if (!outcome.ok) return void diagnostics.push(renderFailure(task, outcome));
      diagnostics.push(...renderDiagnostics(task, outcome.output));
      const record = artifactRecord(task, outcome.output, compareArtifact(settings.outDir, task, outcome.output.bytes));
      records.set(task, record);
      progress({ type: 'artifact', artifact: record, done: records.size, total: dated.length });
    },
  });
  return dated.flatMap((t) => records.get(t) ?? []);
}
