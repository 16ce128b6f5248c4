import { displayPath } from '../config/load.js';
import { Codes } from '../errors/codes.js';
import { error, hasErrors, type Diagnostic } from '../errors/diagnostic.js';
import { VERSION } from '../paths.js';
import { templateEngine } from '../templates/engine.js';
import { compareWithDisk } from './check-stage.js';
import { cleanOutputs, keepArtifact } from '../output/clean.js';
import { checkFolders, sweepTempFiles } from '../output/atomic-write.js';
import { inputsHasher } from '../output/inputs.js';
import { lintUnits } from './lint-stage.js';
import { loadTopics, topicProblems } from './load-stage.js';
import { planTasks, unitPlanner, type Unit } from './plan.js';
import { freshness, nothingBefore, readPrevious, topicMemos, topicStates } from '../output/previous.js';
import { closeWorkers, startWorkers } from './threads/queue.js';
import { prepareBuild, type BuildSettings } from './settings.js';
import { stopwatch, type Stopwatch } from './stopwatch.js';
import type { ArtifactRecord, BuildOptions, BuildResult } from './types.js';
import { startRendering, writeState, type Rendering } from './write-stage.js';

/**
 * Builds every topic × audience × format. Never prints, never exits: input problems come back as
 * diagnostics (all of them, not just the first); nothing is written when the input has errors.
 *
 * Stages: settings → load topics → cache check (up-to-date topics are skipped, their warnings
 * replayed; workers start) → topic by topic: resolve + templates → lint → tasks, which workers
 * start rendering at once → once all input is clean: write (the rest rendered here too) or
 * compare → clean → manifest and cache.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const clock = stopwatch();
  const prepared = await prepareBuild(options);
  const run: Run = { clock, diagnostics: [...prepared.diagnostics], outDir: prepared.outDir, sources: [] };
  const settings = prepared.settings;
  if (!settings) {
    // A broken config does not hide the topics' own problems.
    const fallback = prepared.fallback;
    if (fallback)
      run.diagnostics.push(
        ...(await topicProblems(options.paths, fallback.config, fallback.audiences, options.cwd ?? process.cwd())),
      );
    return finish(run);
  }

  const loaded = await loadTopics(options.paths, settings);
  run.diagnostics.push(...loaded.diagnostics);
  run.sources = loaded.topics.map((t) => ({
    topic: t.slug,
    files: [t.path, ...[...t.images.values()].map((i) => i.path)],
  }));
  clock.lap('load');

  const compare = Boolean(options.check) || options.write === false;
  const previous = compare ? nothingBefore() : readPrevious(settings.outDir, VERSION);
  const fresh = freshness(options.force ? nothingBefore() : previous, settings);
  const inputs = inputsHasher(settings.config, VERSION);
  const states = topicStates(loaded.topics, settings, fresh, inputs);
  // Up to date, with its diagnostics on record: not resolved, templated, linted or rendered again.
  const skipped = compare ? [] : states.filter((s) => s.fresh && previous.topics.get(s.topic.slug)?.key === s.key);
  for (const s of skipped) run.diagnostics.push(...previous.topics.get(s.topic.slug)!.diagnostics);
  const toPlan = loaded.topics.filter((t) => !skipped.some((s) => s.topic === t));
  // Workers load their libraries while this thread resolves, templates and lints (a session's are warm).
  const toRender = compare ? loaded.topics.length : states.filter((s) => !s.fresh).length;
  const workers = options.session
    ? toRender
      ? options.session.workers(settings)
      : []
    : startWorkers(toRender, settings);
  const progress = options.onProgress ?? (() => {});
  // Workers render each topic as soon as it is planned and linted; nothing is written before the
  // last topic is, and nothing at all when any has errors.
  const rendering = compare ? undefined : startRendering(settings, workers, fresh, progress, run.diagnostics);
  try {
    const engine = templateEngine(settings.config.templates, settings.cwd);
    const planner = unitPlanner(settings, engine);
    run.diagnostics.push(...planner.checkTemplates());
    const units: Unit[] = [];
    for (const topic of toPlan) {
      const planned = planner.plan(topic);
      units.push(...planned.units);
      run.diagnostics.push(...planned.diagnostics, ...lintUnits(planned.units, settings.config));
      topic.source.release(); // positions are asked for while a topic is planned and linted, seldom after
      if (!rendering || hasErrors(run.diagnostics)) continue;
      rendering.add(planTasks(planned.units, settings.renderers, inputs, settings.date));
      if (workers.length) await new Promise((resolve) => setImmediate(resolve)); // let workers pick the tasks up
    }
    clock.lap('plan+lint');
    if (hasErrors(run.diagnostics)) return stopEarly(run, rendering);

    if (compare) {
      const tasks = planTasks(units, settings.renderers, inputs, settings.date);
      const artifacts = await compareWithDisk(
        tasks,
        settings,
        workers,
        Boolean(options.check),
        progress,
        run.diagnostics,
      );
      clock.lap('render+compare');
      const stale = artifacts.filter((a) => a.status === 'stale').map((a) => a.path);
      const missing = artifacts.filter((a) => a.status === 'missing').map((a) => a.path);
      return finish(run, artifacts, options.check ? { check: { stale, missing } } : {});
    }

    const blocked = checkFolders(
      settings.outDir,
      units.map((u) => u.dir),
    );
    if (blocked) {
      run.diagnostics.push(folderProblem(blocked, settings));
      return stopEarly(run, rendering);
    }
    sweepTempFiles([settings.outDir, ...units.map((u) => u.dir)]);
    const built = await rendering!.finish(skipped.flatMap((s) => s.fresh ?? []));
    clock.lap('render+write');

    const recorded = [...previous.manifest.keys(), ...previous.cache.keys()];
    const removed = options.clean ? cleanOutputs(settings.outDir, recorded, keepArtifact(loaded, settings)) : [];
    writeState(
      settings,
      built,
      removed,
      (latest) => topicMemos(latest, states, new Set(toPlan), run.diagnostics),
      run.diagnostics,
    );
    clock.lap('manifest');
    const rank = new Map(states.flatMap((s) => s.paths).map((p, i) => [p, i]));
    const artifacts = built.artifacts.sort((a, b) => (rank.get(a.path) ?? 0) - (rank.get(b.path) ?? 0));
    return finish(run, artifacts, { removed, threads: 1 + workers.filter((w) => w.jobs > 0).length });
  } finally {
    if (!options.session) await closeWorkers(workers);
  }
}

/** Input problems: what workers rendered ahead is dropped, nothing is written. */
async function stopEarly(run: Run, rendering: Rendering | undefined): Promise<BuildResult> {
  await rendering?.abort();
  return finish(run);
}

/** What a build collects on its way, for its result. */
interface Run {
  clock: Stopwatch;
  diagnostics: Diagnostic[];
  outDir: string;
  sources: BuildResult['sources'];
}

function finish(run: Run, artifacts: ArtifactRecord[] = [], extra: Partial<BuildResult> = {}): BuildResult {
  run.clock.total();
  const ok = !hasErrors(run.diagnostics) && !extra.check?.stale.length && !extra.check?.missing.length;
  return {
    ok,
    outDir: run.outDir,
    artifacts,
    diagnostics: run.diagnostics,
    timings: run.clock.timings,
    removed: [],
    sources: run.sources,
    threads: 1,
    ...extra,
  };
}

function folderProblem(blocked: { dir: string; reason: string }, { cwd, outDir }: BuildSettings): Diagnostic {
  const reason = blocked.reason.replace(/^\/\S*/, (p) => displayPath(p, cwd));
  return error(Codes.output, `cannot create the output folder ${displayPath(blocked.dir, cwd)}: ${reason}`, {
    file: displayPath(outDir, cwd),
    hint: 'remove or rename what is in the way, or pick another output folder with -o',
  });
}
