import { VERSION } from '../paths.js';
import type { RenderInput } from '../render/types.js';
import type { Task } from './plan.js';
import { renderSafely, type RenderOutcome } from './render-one.js';
import type { BuildSettings } from './settings.js';
import { RenderWorker, workerScript } from './worker-pool.js';

/** Jobs a ready worker holds, so it does not idle while this thread is busy rendering. */
const WORKER_DEPTH = 2;

/**
 * Worker threads for `topics` topics to render: `jobs` threads in all, this one included. Only the
 * built-in renderers run in workers. They start loading their libraries at once; close them with
 * `closeWorkers`.
 * - Several topics: general workers, each taking any job.
 * - One topic with handouts and decks: the two need different libraries (pdfkit and fontkit, marp-core
 *   and PostCSS), so one worker loads only the handout typesetter while this thread does the decks.
 */
export function startWorkers(topics: number, settings: BuildSettings): RenderWorker[] {
  const script = settings.builtin && settings.jobs > 1 && topics > 0 ? workerScript() : undefined;
  if (!script) return [];
  const names = settings.renderers.map((r) => r.name);
  if (topics > 1) return Array.from({ length: Math.min(settings.jobs, topics) - 1 }, () => new RenderWorker(script, names));
  const decks = names.some((n) => n === 'slides-html' || n === 'slides-pdf');
  return names.includes(HANDOUT) && decks ? [new RenderWorker(script, [HANDOUT])] : [];
}

const HANDOUT = 'handout-pdf';

export async function closeWorkers(workers: readonly RenderWorker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.close()));
}

/**
 * Renders the tasks in this thread and in the workers, as each becomes ready: a general worker still
 * loading never holds a job this thread could do; a specialised one keeps its jobs unless it fails.
 * `done` is called as each task finishes, in completion order.
 */
export async function renderTasks(
  tasks: readonly Task[],
  settings: BuildSettings,
  workers: readonly RenderWorker[],
  hooks: { start?: (task: Task) => void; done: (task: Task, outcome: RenderOutcome) => void },
): Promise<void> {
  const queue = [...tasks];
  // Jobs only a specialised worker takes, while it can: this thread would first have to load its libraries.
  const reserved = new Set(workers.filter((w) => w.accepts.size < settings.renderers.length).flatMap((w) => [...w.accepts]));
  let drained: () => void = () => {};
  const allTaken = new Promise<void>((resolve) => (drained = resolve));
  const take = (accepts: (task: Task) => boolean) => {
    const at = queue.findIndex(accepts);
    const task = at < 0 ? undefined : queue.splice(at, 1)[0];
    if (!queue.length) drained();
    return task;
  };
  const lane = async (accepts: (task: Task) => boolean, render: (task: Task) => Promise<RenderOutcome>) => {
    for (let task = take(accepts); task; task = take(accepts)) {
      hooks.start?.(task);
      hooks.done(task, await render(task));
      // Renderers in this thread may finish in microtasks alone; yield, so replies from workers get through.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const workerLane = async (w: RenderWorker) => {
    const ready = await Promise.race([w.ready.then(() => true, () => false), allTaken.then(() => false)]);
    if (ready) await lane((task) => w.accepts.has(task.renderer.name), (task) => w.render(task.renderer.name, renderInput(task, settings)));
  };
  const here = (task: Task) => renderSafely(task.renderer, renderInput(task, settings));
  const mainLane = async () => {
    await lane((task) => !reserved.has(task.renderer.name), here);
    // A specialised worker that failed leaves its jobs to this thread.
    await Promise.all(workers.map((w) => w.ready.catch(() => undefined)));
    await lane((task) => !workers.some((w) => w.usable && w.accepts.has(task.renderer.name)), here);
  };
  if (!tasks.length) drained();
  try {
    await Promise.all([mainLane(), ...workers.flatMap((w) => Array.from({ length: WORKER_DEPTH }, () => workerLane(w)))]);
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
