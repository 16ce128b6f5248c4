import { VERSION } from '../paths.js';
import type { RenderInput } from '../render/types.js';
import type { Task } from './plan.js';
import { renderSafely, type RenderOutcome } from './render-one.js';
import type { BuildSettings } from './settings.js';
import { RenderWorker, workerScript } from './worker-pool.js';

/** Jobs a ready worker holds, so it does not idle while this thread is busy rendering. */
const WORKER_DEPTH = 2;

/**
 * Worker threads for `topics` topics to render: `jobs` threads in all, this one included, and none
 * for a single topic (start-up would cost more than it saves). Only the built-in renderers run in
 * workers. They start loading their libraries at once; close them with `closeWorkers`.
 */
export function startWorkers(topics: number, settings: BuildSettings): RenderWorker[] {
  const script = settings.builtin && settings.jobs > 1 && topics > 1 ? workerScript() : undefined;
  if (!script) return [];
  const names = settings.renderers.map((r) => r.name);
  return Array.from({ length: Math.min(settings.jobs, topics) - 1 }, () => new RenderWorker(script, names));
}

export async function closeWorkers(workers: readonly RenderWorker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.close()));
}

/**
 * Renders the tasks in this thread and in the workers, as each becomes ready: a worker still
 * loading never holds a job this thread could do. `done` is called as each task finishes, in
 * completion order.
 */
export async function renderTasks(
  tasks: readonly Task[],
  settings: BuildSettings,
  workers: readonly RenderWorker[],
  hooks: { start?: (task: Task) => void; done: (task: Task, outcome: RenderOutcome) => void },
): Promise<void> {
  let next = 0;
  let drained: () => void = () => {};
  const allTaken = new Promise<void>((resolve) => (drained = resolve));
  const take = () => {
    const task = tasks[next++];
    if (next >= tasks.length) drained();
    return task;
  };
  const lane = async (render: (task: Task) => Promise<RenderOutcome>) => {
    for (let task = take(); task; task = take()) {
      hooks.start?.(task);
      hooks.done(task, await render(task));
      // Renderers in this thread may finish in microtasks alone; yield, so replies from workers get through.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const workerLane = async (w: RenderWorker) => {
    const ready = await Promise.race([w.ready.then(() => true, () => false), allTaken.then(() => false)]);
    if (ready) await lane((task) => w.render(task.renderer.name, renderInput(task, settings)));
  };
  if (!tasks.length) drained();
  try {
    await Promise.all([lane((task) => renderSafely(task.renderer, renderInput(task, settings))), ...workers.flatMap((w) => Array.from({ length: WORKER_DEPTH }, () => workerLane(w)))]);
  } finally {
    await Promise.all(settings.renderers.map((r) => r.close?.()));
  }
}

export function renderInput(task: Task, settings: BuildSettings): RenderInput {
  const { unit, renderer } = task;
  return {
    topic: unit.resolved,
    audience: unit.audience,
    markdown: unit.markdownAt(renderer.source, task.date) ?? '',
    images: unit.images,
    config: settings.config,
    date: task.date,
    version: VERSION,
  };
}
