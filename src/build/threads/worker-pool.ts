import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderInput } from '../../render/types.js';
import type { RenderOutcome } from './render-one.js';

export type WorkerRequest =
  | { type: 'prepare'; renderers: string[] }
  | { type: 'render'; id: number; renderer: string; input: RenderInput }
  | { type: 'close' };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; outcome: RenderOutcome }
  | { type: 'crash'; id: number; message: string; stack: string }
  | { type: 'closed' };

/**
 * The bundled worker script next to this module (dist/render-worker.js). Running from the
 * TypeScript sources (tests) there is none, and rendering stays in this thread.
 */
export function workerScript(): URL | undefined {
  const url = new URL('./render-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * One worker thread running built-in renderers. It prepares them (loads their libraries) first;
 * `ready` settles when it can take jobs, which then queue inside it and run one at a time.
 */
export class RenderWorker {
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (o: RenderOutcome) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;
  private onReady: (() => void) | undefined;
  private onFail: ((e: Error) => void) | undefined;
  private closed: (() => void) | undefined;

  /** The renderers this worker loads and takes jobs for. */
  readonly accepts: ReadonlySet<string>;

  constructor(script: URL, renderers: string[]) {
    this.accepts = new Set(renderers);
    this.worker = new Worker(script);
    this.ready = new Promise((resolve, reject) => {
      this.onReady = resolve;
      this.onFail = reject;
    });
    this.ready.catch(() => {}); // a worker that never gets ready is simply not used
    this.worker.on('message', (msg: WorkerReply) => {
      if (msg.type === 'ready') return this.onReady?.();
      if (msg.type === 'closed') return this.closed?.();
      const job = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.type === 'done') job?.resolve(msg.outcome);
      else if (job) job.reject(Object.assign(new Error(msg.message), { stack: msg.stack }));
      else this.fail(Object.assign(new Error(msg.message), { stack: msg.stack }));
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`render worker exited (code ${code})`)));
    this.worker.postMessage({ type: 'prepare', renderers } satisfies WorkerRequest);
  }

  /** Jobs sent to this worker so far. */
  get jobs(): number {
    return this.nextId;
  }

  /** False once the thread failed or exited. */
  get usable(): boolean {
    return this.failure === undefined;
  }

  render(renderer: string, input: RenderInput): Promise<RenderOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'render', id, renderer, input } satisfies WorkerRequest);
    });
  }

  /** Lets the renderers release what they hold (a browser), then ends the thread; a worker that got no job just ends.
   * */
  async close(): Promise<void> {
    if (!this.failure && this.nextId > 0) {
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
    this.onFail?.(e);
    for (const job of this.pending.values()) job.reject(e);
    this.pending.clear();
    this.closed?.();
  }
}
