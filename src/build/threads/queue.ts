import { VERSION } from '../../paths.js';
import type { RenderInput } from '../../render/types.js';
import type { Task } from '../plan.js';
import { renderSafely, type RenderOutcome } from './render-one.js';
import type { BuildSettings } from '../settings.js';
import type { RenderWorker } from './worker-pool.js';

/** Jobs a ready worker holds, so it does not idle while this thread is busy rendering. */
const WORKER_DEPTH = 2;

export interface RenderHooks {
  start?: (task: Task) => void;
  done: (task: Task, outcome: RenderOutcome) => void;
}

/**
 * Tasks that may arrive while the build still plans: ready workers take them at once; this thread
 * joins in at `close()` (until then it is busy planning). A general worker still loading never holds
 * a job this thread could do; a specialised one keeps its jobs. A worker that dies hands its job
 * back to this thread. `done` is called as each task finishes, in completion order.
 */
export interface RenderQueue {
  add(tasks: readonly Task[]): void;
  /** No more tasks: renders the rest here too; resolves when every task is done. */
  close(): Promise<void>;
  /** Drops the tasks not started and the results still to come (the input turned out to have errors). */
  abort(): Promise<void>;
}

export function renderQueue(
  settings: BuildSettings,
  workers: readonly RenderWorker[],
  hooks: RenderHooks,
): RenderQueue {
  const queue: Task[] = [];
  const orphans: Task[] = [];
  let closed = false;
  let aborted = false;
  let wake: () => void = () => {};
  let more = new Promise<void>((resolve) => (wake = resolve));
  const signal = () => {
    const woken = wake;
    more = new Promise<void>((resolve) => (wake = resolve));
    woken();
  };
  const settled = () => closed && !queue.length;
  // Jobs only a specialised worker takes, while it can: this thread would first have to load its libraries.
  const reserved = new Set(
    workers.filter((w) => w.accepts.size < settings.renderers.length).flatMap((w) => [...w.accepts]),
  );
  // Workers take the slow jobs first and this thread the quick ones: a worker's result is seen only
  // when this thread is between jobs, so a worker should not wait on it with a quick job done.
  const take = (accepts: (task: Task) => boolean, slow: boolean) => {
    let at = queue.findIndex((t) => accepts(t) && (t.renderer.cost === 'heavy') === slow);
    if (at < 0) at = queue.findIndex(accepts);
    return at < 0 ? undefined : queue.splice(at, 1)[0];
  };
  const finished = (task: Task, outcome: RenderOutcome) => {
    if (!aborted) hooks.done(task, outcome);
  };

  const workerLane = async (w: RenderWorker) => {
    const ready = await Promise.race([
      w.ready.then(
        () => true,
        () => false,
      ),
      until(settled).then(() => false),
    ]);
    if (!ready) return;
    for (;;) {
      const task = take((t) => w.accepts.has(t.renderer.name), true);
      if (!task) {
        if (closed) return;
        await more;
        continue;
      }
      if (!aborted) hooks.start?.(task);
      try {
        finished(task, await w.render(task.renderer.name, renderInput(task, settings)));
      } catch {
        orphans.push(task); // the thread failed: this one renders the job
        return;
      }
    }
  };
  // Resolves once `cond` holds, checked at each signal.
  const until = async (cond: () => boolean) => {
    while (!cond()) await more;
  };
  const lanes = workers.flatMap((w) => Array.from({ length: WORKER_DEPTH }, () => workerLane(w)));

  const here = async (accepts: (task: Task) => boolean) => {
    for (let task = take(accepts, false); task && !aborted; task = take(accepts, false)) {
      hooks.start?.(task);
      finished(task, await renderSafely(task.renderer, renderInput(task, settings)));
      // Renderers in this thread may finish in microtasks alone; yield, so replies from workers get through.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const end = async () => {
    closed = true;
    signal();
    try {
      if (!aborted)
        await here(
          (task) =>
            !reserved.has(task.renderer.name) || !workers.some((w) => w.usable && w.accepts.has(task.renderer.name)),
        );
      await Promise.all(lanes);
      // What failed or never-ready workers left.
      queue.push(...orphans.splice(0));
      if (!aborted) await here(() => true);
    } finally {
      await Promise.all(settings.renderers.map((r) => r.close?.()));
    }
  };
  return {
    add(tasks) {
      queue.push(...tasks);
      signal();
    },
    close: end,
    abort() {
      aborted = true;
      queue.length = 0;
      return end();
    },
  };
}

/** Renders a known list of tasks in this thread and in the workers (see `renderQueue`). */
export async function renderTasks(
  tasks: readonly Task[],
  settings: BuildSettings,
  workers: readonly RenderWorker[],
  hooks: RenderHooks,
): Promise<void> {
  const queue = renderQueue(settings, workers, hooks);
  queue.add(tasks);
  await queue.close();
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
