import { builtinRenderers } from '../render/registry.js';
import { closeWorkers } from './threads/queue.js';
import type { BuildSettings } from './settings.js';
import { RenderWorker, workerScript } from './threads/worker-pool.js';

/**
 * Worker threads kept warm across builds (`deckhand watch`): a rebuild pays no start-up, so even a
 * single topic's artifacts are shared between this thread and the workers. Pass it as
 * `build({ session })`; `close()` ends the threads (and what their renderers hold, e.g. a browser).
 */
export interface BuildSession {
  /** Warm workers for a build with the built-in renderers and `jobs` > 1; started on first use. */
  workers(settings: BuildSettings): RenderWorker[];
  /** Loads the built-in renderers' libraries in this thread too, ahead of the first rebuild. */
  prepare(): Promise<void>;
  close(): Promise<void>;
}

export function buildSession(): BuildSession {
  let pool: RenderWorker[] = [];
  return {
    workers(settings) {
      const script = settings.builtin && settings.jobs > 1 ? workerScript() : undefined;
      if (!script) return [];
      pool = pool.filter((w) => w.usable);
      const names = builtinRenderers().map((r) => r.name);
      while (pool.length < settings.jobs - 1) pool.push(new RenderWorker(script, names));
      return pool.slice(0, settings.jobs - 1);
    },
    async prepare() {
      await Promise.all(builtinRenderers().map((r) => r.prepare?.()));
    },
    async close() {
      await closeWorkers(pool);
      pool = [];
    },
  };
}
