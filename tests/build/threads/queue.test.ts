import { describe, expect, it } from 'vitest';
import type { Task } from '../../../src/build/plan.js';
import type { RenderOutcome } from '../../../src/build/threads/render-one.js';
import { renderQueue } from '../../../src/build/threads/queue.js';
import { workerGroup } from '../../../src/build/threads/workers.js';
import type { BuildSettings } from '../../../src/build/settings.js';
import type { RenderWorker } from '../../../src/build/threads/worker-pool.js';
import type { Renderer } from '../../../src/render/types.js';

// The queue with stand-ins: renderers that record which thread ran them, workers that answer when told.

const log: string[] = [];
const renderer = (name: string): Renderer => ({
  name,
  format: 'slides',
  source: 'slides',
  output: `${name}.out`,
  render: async ({ markdown }) => {
    log.push(`here ${markdown}`);
    return { bytes: new Uint8Array([1]) };
  },
});
const deck = renderer('deck');
const pdf = renderer('pdf');
const settings = { renderers: [deck, pdf], config: {}, date: new Date(0) } as unknown as BuildSettings;
const task = (name: string, r: Renderer = deck): Task =>
  ({
    unit: { resolved: {}, audience: {}, images: new Map(), markdownAt: () => name },
    renderer: r,
    path: name,
    inputs: '',
    date: new Date(0),
  }) as unknown as Task;

/** A worker whose jobs finish (or crash) when the test says so. */
function fakeWorker(accepts: Renderer[], { ready = Promise.resolve() } = {}) {
  const jobs: { name: string; resolve: (o: RenderOutcome) => void; reject: (e: Error) => void }[] = [];
  let usable = true;
  const worker = {
    accepts: new Set(accepts.map((r) => r.name)),
    ready,
    get usable() {
      return usable;
    },
    render: (_: string, input: { markdown: string }) =>
      new Promise<RenderOutcome>((resolve, reject) => {
        log.push(`worker ${input.markdown}`);
        jobs.push({ name: input.markdown, resolve, reject });
      }),
  };
  return {
    worker: worker as unknown as RenderWorker,
    jobs,
    finishAll: () =>
      jobs.splice(0).forEach((j) => j.resolve({ ok: true, output: { bytes: new Uint8Array([2]) } } as RenderOutcome)),
    die: () => {
      usable = false;
      jobs.splice(0).forEach((j) => j.reject(new Error('render worker exited (code 1)')));
    },
  };
}
/** A queue over one worker, and the paths of the tasks done, in order. */
function started(worker: RenderWorker) {
  const done: string[] = [];
  return { done, queue: renderQueue(settings, [worker], { done: (t) => done.push(t.path) }) };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('render queue', () => {
  it('a ready worker takes tasks while the build still plans; this thread joins at close', async () => {
    log.length = 0;
    const w = fakeWorker([deck, pdf]);
    const { done, queue } = started(w.worker);
    queue.add([task('a'), task('b'), task('c')]);
    await tick();
    expect(log).toEqual(['worker a', 'worker b']); // two jobs held at a time, nothing rendered here yet
    w.finishAll();
    await tick();
    expect(done).toEqual(['a', 'b']);
    const closing = queue.close();
    await tick();
    w.finishAll();
    await closing;
    expect(done.sort()).toEqual(['a', 'b', 'c']);
  });

  it('a worker that dies hands its jobs to this thread; every task is done once', async () => {
    log.length = 0;
    const w = fakeWorker([deck, pdf]);
    const { done, queue } = started(w.worker);
    queue.add([task('a'), task('b'), task('c'), task('d')]);
    await tick();
    w.die();
    await queue.close();
    expect(done.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(log.filter((l) => l.startsWith('here')).sort()).toEqual(['here a', 'here b', 'here c', 'here d']);
  });

  it('a specialised worker keeps its jobs; this thread renders the rest', async () => {
    log.length = 0;
    let start!: () => void;
    const w = fakeWorker([pdf], { ready: new Promise<void>((r) => (start = r)) });
    const { done, queue } = started(w.worker);
    queue.add([task('p1', pdf), task('d1'), task('p2', pdf)]);
    const closing = queue.close();
    await tick();
    expect(log).toEqual(['here d1']); // the loading pdf worker keeps p1 and p2
    start();
    while (w.jobs.length < 2) await tick();
    w.finishAll();
    await closing;
    expect(done.sort()).toEqual(['d1', 'p1', 'p2']);
  });

  it('abort drops queued tasks and results still to come', async () => {
    log.length = 0;
    const w = fakeWorker([deck, pdf]);
    const { done, queue } = started(w.worker);
    queue.add([task('a'), task('b'), task('c')]);
    await tick();
    const aborting = queue.abort();
    w.finishAll();
    await aborting;
    expect(done).toEqual([]);
    expect(log).toEqual(['worker a', 'worker b']);
  });
});

describe('workerGroup: which renderers the first worker specialises in', () => {
  const r = (name: string, libraries?: string[], cost?: 'heavy'): Renderer => ({
    ...renderer(name),
    ...(libraries ? { libraries } : {}),
    ...(cost ? { cost } : {}),
  });
  it('one set of libraries (or none): no specialised worker', () => {
    expect(workerGroup([r('md'), r('html', ['marp']), r('pdf', ['marp', 'chrome'], 'heavy')])).toBeUndefined();
  });
  it('renderers sharing a library are one group; the group with more heavy jobs goes to the worker', () => {
    const group = workerGroup([r('md'), r('html', ['marp']), r('handout', ['pdfkit'], 'heavy')]);
    expect(group).toEqual(['handout']);
  });
  it('on a tie of heavy jobs, the group with fewer renderers (this thread keeps the bigger one)', () => {
    const list = [
      r('html', ['marp']),
      r('pdf', ['marp', 'chrome'], 'heavy'),
      r('handout', ['pdfkit', 'fontkit'], 'heavy'),
    ];
    expect(workerGroup(list)).toEqual(['handout']);
  });
});
