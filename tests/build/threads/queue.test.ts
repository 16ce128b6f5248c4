import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../src/build/plan.js';
import type { RenderOutcome } from '../../../src/build/threads/render-one.js';
import { renderQueue } from '../../../src/build/threads/queue.js';
import type { BuildSettings } from '../../../src/build/settings.js';
import type { RenderWorker } from '../../../src/build/threads/worker-pool.js';
import type { Renderer } from '../../../src/render/types.js';
import { deckhand, project } from '../../helpers/project.js';
import { snapshot } from '../../helpers/tree.js';

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

describe('pipelined builds', () => {
  it('several topics render in a worker thread too, as the bundled CLI runs them', () => {
    const dir = project('basic');
    const topic = readFileSync(join(dir, 'content/hand-hygiene.yaml'), 'utf8');
    for (let i = 1; i <= 2; i++) writeFileSync(join(dir, `content/topic-${i}.yaml`), topic);
    const threads = (jobs: string) =>
      (JSON.parse(deckhand(['build', '-j', jobs, '--force', '--json'], dir).stdout) as { threads: number }).threads;
    expect(threads('2')).toBe(2);
    expect(threads('1')).toBe(1);
  }, 60_000);

  it('an error in the last topic leaves every output as it was, though workers rendered earlier topics', () => {
    const dir = project('basic');
    const topic = readFileSync(join(dir, 'content/hand-hygiene.yaml'), 'utf8');
    for (let i = 1; i <= 6; i++)
      writeFileSync(join(dir, `content/topic-${i}.yaml`), topic.replace('Hand hygiene', `Hand hygiene ${i}`));
    expect(deckhand(['build', '-j', '2'], dir).code).toBe(0);
    const before = snapshot(join(dir, 'output'));
    for (let i = 1; i <= 6; i++)
      writeFileSync(join(dir, `content/topic-${i}.yaml`), topic.replace('Hand hygiene', `Changed ${i}`));
    writeFileSync(join(dir, 'content/topic-6.yaml'), topic.replace('audience: [clinician]', 'audience: [clinican]'));
    const r = deckhand(['build', '-j', '2', '--force'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/topic-6\.yaml:\d+:\d+ +error +unknown audience "clinican"/);
    expect(snapshot(join(dir, 'output'))).toEqual(before);
    // Fixed, the same build writes everything.
    writeFileSync(join(dir, 'content/topic-6.yaml'), topic.replace('Hand hygiene', 'Changed 6'));
    const fixed = deckhand(['build', '-j', '2', '--json'], dir);
    expect(fixed.code).toBe(0);
    expect((JSON.parse(fixed.stdout) as { artifacts: unknown[] }).artifacts).toHaveLength(7 * 3 * 3);
  }, 60_000);
});
