import type { Renderer } from '../../render/types.js';
import type { BuildSettings } from '../settings.js';
import { RenderWorker, workerScript } from './worker-pool.js';

/**
 * Worker threads for `topics` topics to render: `jobs` threads in all, this one included. Only the
 * built-in renderers run in workers. They start loading their libraries at once; close them with
 * `closeWorkers`.
 * Handouts and decks need different libraries (pdfkit, fontkit and the fonts; marp-core and
 * PostCSS), and every thread that renders both loads, warms up and holds both. So when a build
 * makes both, the first worker does only handouts and this thread (which also plans) the decks;
 * threads beyond two are general workers taking any job. 100 topics on 2 cores: 5.3 s and 280 MiB,
 * against 6.4 s and 520 MiB with a general worker.
 */
export function startWorkers(topics: number, settings: BuildSettings): RenderWorker[] {
  const script = settings.builtin && settings.jobs > 1 && topics > 0 ? workerScript() : undefined;
  if (!script) return [];
  const names = settings.renderers.map((r) => r.name);
  const threads = Math.min(settings.jobs, Math.max(topics, 2)) - 1;
  const general = (n: number) => Array.from({ length: Math.max(0, n) }, () => new RenderWorker(script, names));
  const own = workerGroup(settings.renderers);
  if (!own) return general(Math.min(settings.jobs, topics) - 1);
  return [new RenderWorker(script, own), ...general(threads - 1)];
}

/**
 * The renderers the first worker specialises in, read from what renderers declare (never their
 * names): when the active renderers load two or more different sets of libraries, the set with the
 * most heavy jobs (fewest renderers on a tie) goes to the worker and this thread keeps the rest.
 * Undefined when one set of libraries serves every renderer.
 */
export function workerGroup(renderers: readonly Renderer[]): string[] | undefined {
  // Renderers that share a library are one group (slides.html and slides.pdf both load marp-core).
  const groups: { libraries: Set<string>; renderers: Renderer[] }[] = [];
  for (const r of renderers) {
    if (!r.libraries?.length) continue; // light on libraries: any thread
    const joined = groups.filter((g) => r.libraries!.some((l) => g.libraries.has(l)));
    const group = { libraries: new Set(r.libraries), renderers: [r] };
    for (const g of joined) {
      for (const l of g.libraries) group.libraries.add(l);
      group.renderers.unshift(...g.renderers);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(group);
  }
  if (groups.length < 2) return undefined;
  const heavy = (list: readonly Renderer[]) => list.filter((r) => r.cost === 'heavy').length;
  const [best] = groups.map((g) => g.renderers).sort((a, b) => heavy(b) - heavy(a) || a.length - b.length);
  return best!.map((r) => r.name);
}

export async function closeWorkers(workers: readonly RenderWorker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.close()));
}
