import { VERSION } from '../paths.js';
import type { RenderInput } from '../render/types.js';
import type { Task } from './plan.js';
import { renderSafely, type RenderOutcome } from './render-one.js';
import type { BuildSettings } from './settings.js';
import { RenderWorker, workerScript } from './worker-pool.js';

/** Each worker holds this many jobs, so it never idles while this thread is busy rendering. */
const WORKER_DEPTH = 2;

/**
 * Renders the tasks, in this thread and — for several topics with the built-in renderers — in
 * worker threads too (`jobs` in all, this thread counting as one). One topic pays no worker
 * start-up. `done` is called as each task finishes, in completion order.
 */
export async function renderTasks(
  tasks: readonly Task[],
  settings: BuildSettings,
  hooks: { start?: (task: Task) => void; done: (task: Task, outcome: RenderOutcome) => void },
): Promise<void> {
  const workers = startWorkers(tasks, settings);
  const lanes: ((task: Task) => Promise<RenderOutcome>)[] = [(task) => renderSafely(task.renderer, renderInput(task, settings))];
  for (const w of workers) for (let i = 0; i < WORKER_DEPTH; i++) lanes.push((task) => w.render(task.renderer.name, renderInput(task, settings)));
  let next = 0;
  try {
    await Promise.all(
      lanes.map(async (lane) => {
        for (let task = tasks[next++]; task; task = tasks[next++]) {
          hooks.start?.(task);
          hooks.done(task, await lane(task));
        }
      }),
    );
  } finally {
    await Promise.all([...settings.renderers.map((r) => r.close?.()), ...workers.map((w) => w.close())]);
  }
}

function startWorkers(tasks: readonly Task[], settings: BuildSettings): RenderWorker[] {
  const topics = new Set(tasks.map((t) => t.unit.topic.slug)).size;
  const script = settings.builtin && settings.jobs > 1 && topics > 1 ? workerScript() : undefined;
  if (!script) return [];
  return Array.from({ length: Math.min(settings.jobs, topics) - 1 }, () => new RenderWorker(script));
}

function renderInput(task: Task, settings: BuildSettings): RenderInput {
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
