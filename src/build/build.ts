import { topicProblems } from '../content/load-topics.js';
import { Codes } from '../errors/codes.js';
import { error, hasErrors } from '../errors/diagnostic.js';
import { checkFolders, sweepTempFiles } from '../output/atomic-write.js';
import { cleanOutputs } from '../output/clean.js';
import { isRendererOutput } from '../render/registry.js';
import { recordBuild } from '../output/record.js';
import { VERSION } from '../paths.js';
import { templateEngines } from '../templates/engine.js';
import { compareWithDisk } from './check-stage.js';
import { keepArtifact } from './clean-stage.js';
import { inputsHasher } from './inputs.js';
import { loadStage } from './load-stage.js';
import { planStage } from './plan-stage.js';
import { planTasks, type Unit } from './plan.js';
import { finish, type LoadedRun, type Run } from './run.js';
import { sessionOf } from './session.js';
import { prepareBuild } from './settings.js';
import { stopwatch } from './stopwatch.js';
import type { RenderWorker } from './threads/worker-pool.js';
import { closeWorkers, startWorkers } from './threads/workers.js';
import { cacheStage, topicMemos } from './topic-states.js';
import type { BuildOptions, BuildResult } from './types.js';
import { startRendering, type Rendering } from './write-stage.js';

/**
 * Builds every topic × audience × format. Never prints, never exits: input problems come back as
 * diagnostics (all of them, not just the first); nothing is written when the input has errors.
 *
 * Stages, in order:
 * 1. settings — the options checked, the config loaded (a broken config still gets the topics checked);
 * 2. load — topic files found, this shard's kept, read and validated;
 * 3. then either the write path (`writeBuild`) or, for --check and `write: false`, the compare path.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const clock = stopwatch();
  const session = sessionOf(options.session);
  const prepared = await prepareBuild(options);
  const run: Run = {
    options,
    clock,
    diagnostics: [...prepared.diagnostics],
    outDir: prepared.outDir,
    progress: options.onProgress ?? (() => {}),
    session,
    sources: [],
  };
  const settings = prepared.settings;
  if (!settings) {
    const fallback = prepared.fallback;
    if (fallback) run.diagnostics.push(...(await topicProblems(prepared.paths, fallback.config, fallback.audiences)));
    return finish(run);
  }
  const loaded = await loadStage(settings);
  run.diagnostics.push(...loaded.diagnostics);
  run.sources = loaded.topics.map((t) => ({
    topic: t.slug,
    files: [
      ...new Set([
        t.path,
        ...[...t.images.values()].map((i) => i.path),
        // Its translations: watch rebuilds a language when its file changes.
        ...(t.translations ?? []).flatMap((x) => [x.path, ...[...x.images.values()].map((i) => i.path)]),
      ]),
    ],
  }));
  clock.lap('load');
  const engine = (session?.templates ?? templateEngines())(settings.config.templates);
  const loadedRun: LoadedRun = {
    ...run,
    settings,
    loaded,
    engine,
    inputs: inputsHasher(settings.config, VERSION, settings.outDir),
  };
  return options.check || options.write === false ? compareBuild(loadedRun) : writeBuild(loadedRun);
}

/**
 * The write path: cache (up-to-date topics skipped, their warnings replayed) → threads → plan and lint
 * topic by topic, each clean topic's tasks rendered at once → output folders checked → write once all
 * input is clean → clean → manifest and cache.
 */
async function writeBuild(run: LoadedRun): Promise<BuildResult> {
  const { settings, options } = run;
  const cache = cacheStage(run, Boolean(options.force));
  const workers = threadsStage(run, cache.toRender);
  // Results wait in memory: nothing is written before the last topic is planned, nothing at all on errors.
  const rendering = startRendering(settings, workers, cache.fresh, run.progress, run.diagnostics);
  try {
    const units = await planStage(run, cache.toPlan, (tasks) => rendering.add(tasks));
    if (hasErrors(run.diagnostics) || !foldersStage(run, units)) return await stopEarly(run, rendering);
    const built = await rendering.finish(cache.skipped.flatMap((s) => s.fresh ?? []));
    run.clock.lap('render+write');

    const recorded = [...cache.previous.manifest.keys(), ...cache.previous.cache.keys()];
    // Names some renderer makes, translations' (`handout.es-US.pdf`) included.
    const produced = new Set([
      ...settings.allRenderers.map((r) => r.output),
      ...recorded.map((p) => p.split('/').at(-1)!).filter((f) => isRendererOutput(f, settings.allRenderers)),
    ]);
    const keep = keepArtifact(run.loaded, settings);
    const removed = options.clean ? cleanOutputs(settings.outDir, recorded, keep, produced) : [];
    const planned = new Set(cache.toPlan);
    run.diagnostics.push(
      ...recordBuild(settings.outDir, {
        artifacts: built.artifacts,
        cache: built.cache,
        removed,
        memos: (latest) => topicMemos(latest, cache.states, planned, run.diagnostics),
        version: VERSION,
        fixedDate: settings.dateFixed ? settings.date : undefined,
      }),
    );
    run.clock.lap('manifest');
    const rank = new Map(cache.states.flatMap((s) => s.paths).map((p, i) => [p, i]));
    const artifacts = built.artifacts.sort((a, b) => (rank.get(a.path) ?? 0) - (rank.get(b.path) ?? 0));
    return finish(run, artifacts, { removed, threads: 1 + workers.filter((w) => w.jobs > 0).length });
  } finally {
    if (!run.session) await closeWorkers(workers);
  }
}

/**
 * The compare path (--check, `write: false`): plan and lint every topic → render everything in
 * memory → compare with the files on disk. Writes nothing.
 */
async function compareBuild(run: LoadedRun): Promise<BuildResult> {
  const { settings, options } = run;
  const workers = threadsStage(run, run.loaded.topics.length);
  try {
    const units = await planStage(run, run.loaded.topics);
    if (hasErrors(run.diagnostics)) return finish(run);
    const tasks = planTasks(units, settings.renderers, run.inputs, settings.date, settings.perAudience);
    const check = Boolean(options.check);
    const artifacts = await compareWithDisk(tasks, settings, workers, check, run.progress, run.diagnostics);
    run.clock.lap('render+compare');
    const stale = artifacts.filter((a) => a.status === 'stale').map((a) => a.path);
    const missing = artifacts.filter((a) => a.status === 'missing').map((a) => a.path);
    return finish(run, artifacts, check ? { check: { stale, missing } } : {});
  } finally {
    if (!run.session) await closeWorkers(workers);
  }
}

/**
 * The output folder can be written: created, and no file in the way of an artifact folder (those are
 * made when written, so a failed build leaves no empty ones). Temp files a killed build left are swept.
 */
function foldersStage(run: LoadedRun, units: readonly Unit[]): boolean {
  const { outDir } = run.settings;
  const blocked = checkFolders(
    outDir,
    units.map((u) => u.dir),
  );
  if (blocked) {
    run.diagnostics.push(
      error(Codes.output, `cannot create the output folder ${blocked.dir}: ${blocked.reason}`, {
        file: outDir,
        hint: 'remove or rename what is in the way, or pick another output folder',
        option: 'out',
      }),
    );
    return false;
  }
  sweepTempFiles([outDir, ...units.map((u) => u.dir)]);
  return true;
}

/** Worker threads for the topics to render: the session's warm ones, or new ones that start loading now. */
function threadsStage(run: LoadedRun, topics: number): RenderWorker[] {
  if (run.session) return topics ? run.session.workers(run.settings, topics) : [];
  return startWorkers(topics, run.settings);
}

/** Input problems: what workers rendered ahead is dropped, nothing is written. */
async function stopEarly(run: Run, rendering: Rendering): Promise<BuildResult> {
  await rendering.abort();
  return finish(run);
}
