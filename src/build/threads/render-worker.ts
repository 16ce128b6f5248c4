// Worker thread entry (bundled to dist/render-worker.js): renders with the built-in renderers,
// one job at a time, for the pool in worker-pool.ts.
import { parentPort } from 'node:worker_threads';
import { builtinRenderers } from '../../render/registry.js';
import { renderSafely } from './render-one.js';
import type { WorkerReply, WorkerRequest } from './worker-pool.js';

const port = parentPort!;
const renderers = new Map(builtinRenderers().map((r) => [r.name, r]));
let queue: Promise<void> = Promise.resolve();

port.on('message', (msg: WorkerRequest) => {
  queue = queue.then(() => handle(msg));
});

async function handle(msg: WorkerRequest): Promise<void> {
  try {
    if (msg.type === 'prepare') {
      await Promise.all(msg.renderers.map((name) => renderers.get(name)?.prepare?.()));
      return port.postMessage({ type: 'ready' } satisfies WorkerReply);
    }
    if (msg.type === 'close') {
      await Promise.all([...renderers.values()].map((r) => r.close?.()));
      return port.postMessage({ type: 'closed' } satisfies WorkerReply);
    }
    const renderer = renderers.get(msg.renderer);
    if (!renderer) throw new Error(`no built-in renderer "${msg.renderer}" in the worker`);
    port.postMessage({
      type: 'done',
      id: msg.id,
      outcome: await renderSafely(renderer, msg.input),
    } satisfies WorkerReply);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    port.postMessage({
      type: 'crash',
      id: msg.type === 'render' ? msg.id : -1,
      message: err.message,
      stack: err.stack ?? err.message,
    } satisfies WorkerReply);
  }
}
