import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderInput } from '../render/types.js';
import type { RenderOutcome } from './render-one.js';

export type WorkerRequest = { type: 'render'; id: number; renderer: string; input: RenderInput } | { type: 'close' };
export type WorkerReply = { type: 'done'; id: number; outcome: RenderOutcome } | { type: 'crash'; id: number; message: string; stack: string } | { type: 'closed' };

/**
 * The bundled worker script next to this module (dist/render-worker.js). Running from the
 * TypeScript sources (tests) there is none, and rendering stays in this thread.
 */
export function workerScript(): URL | undefined {
  const url = new URL('./render-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** One worker thread running built-in renderers; jobs queue inside the worker and run one at a time. */
export class RenderWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (o: RenderOutcome) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;
  private closed: (() => void) | undefined;

  constructor(script: URL) {
    this.worker = new Worker(script);
    this.worker.on('message', (msg: WorkerReply) => {
      if (msg.type === 'closed') return this.closed?.();
      const job = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.type === 'done') job?.resolve(msg.outcome);
      else job?.reject(Object.assign(new Error(msg.message), { stack: msg.stack }));
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`render worker exited (code ${code})`)));
  }

  render(renderer: string, input: RenderInput): Promise<RenderOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'render', id, renderer, input } satisfies WorkerRequest);
    });
  }

  /** Lets the renderers release what they hold (a browser), then ends the thread. */
  async close(): Promise<void> {
    if (!this.failure) {
      await new Promise<void>((resolve) => {
        this.closed = resolve;
        this.worker.postMessage({ type: 'close' } satisfies WorkerRequest);
        setTimeout(resolve, 10_000).unref();
      });
    }
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const job of this.pending.values()) job.reject(e);
    this.pending.clear();
    this.closed?.();
  }
}
