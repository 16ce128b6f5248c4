import { join } from 'node:path';
import { displayPath } from '../config/load.js';
import { topicAudiences } from '../content/resolve.js';
import { Codes } from '../errors/codes.js';
import { error, hasErrors, type Diagnostic } from '../errors/diagnostic.js';
import { VERSION } from '../paths.js';
import type { RenderOutput } from '../render/types.js';
import { createTemplateEngine } from '../templates/engine.js';
import { CACHE_FILE, cacheBytes, cacheEntry, freshEntry, readCache, type CacheEntry } from './cache.js';
import { cleanOutputs } from './clean.js';
import { checkFolders, sweepTempFiles, writeAtomic } from './emit.js';
import { inputsHasher } from './inputs.js';
import { lintUnits } from './lint-stage.js';
import { loadTopics, type LoadedTopics } from './load-stage.js';
import { MANIFEST, manifestBytes, mergeManifest, readManifest, type ManifestEntry } from './manifest.js';
import { artifactRecord, cachedRecord, compareArtifact, writeArtifact } from './outputs.js';
import { planTasks, planUnits, type Task } from './plan.js';
import { renderTasks } from './render-stage.js';
import { prepareBuild, type BuildSettings } from './settings.js';
import type { ArtifactRecord, BuildOptions, BuildResult, ProgressEvent } from './types.js';

/**
 * Builds every topic × audience × format. Never prints, never exits: input problems come back as
 * diagnostics (all of them, not just the first); nothing is written when the input has errors.
 *
 * Stages: settings → load topics → resolve + templates → lint → tasks → (cache) → render →
 * write or compare → clean → manifest and cache.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const clock = stopwatch();
  const prepared = await prepareBuild(options);
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  let sources: BuildResult['sources'] = [];
  const finish = (artifacts: ArtifactRecord[] = [], extra: Partial<BuildResult> = {}): BuildResult => {
    clock.total();
    const ok = !hasErrors(diagnostics) && !extra.check?.stale.length && !extra.check?.missing.length;
    return { ok, outDir: prepared.outDir, artifacts, diagnostics, timings: clock.timings, removed: [], sources, ...extra };
  };
  const settings = prepared.settings;
  if (!settings) return finish();

  const loaded = await loadTopics(options.paths, settings);
  diagnostics.push(...loaded.diagnostics);
  sources = loaded.topics.map((t) => ({ topic: t.slug, files: [t.path, ...[...t.images.values()].map((i) => i.path)] }));
  clock.lap('load');

  const engine = createTemplateEngine(settings.config.templates, settings.cwd);
  const planned = planUnits(loaded.topics, settings, engine);
  diagnostics.push(...planned.diagnostics);
  clock.lap('resolve+templates');
  diagnostics.push(...lintUnits(planned.units, settings.config));
  clock.lap('lint');
  if (hasErrors(diagnostics)) return finish();

  const tasks = planTasks(planned.units, settings.renderers, inputsHasher(settings.config, VERSION), settings.date);
  const progress = options.onProgress ?? (() => {});
  if (options.check || options.write === false) {
    const artifacts = await compareWithDisk(tasks, settings, Boolean(options.check), progress, diagnostics);
    clock.lap('render+compare');
    const stale = artifacts.filter((a) => a.status === 'stale').map((a) => a.path);
    const missing = artifacts.filter((a) => a.status === 'missing').map((a) => a.path);
    return finish(artifacts, options.check ? { check: { stale, missing } } : {});
  }

  const blocked = checkFolders(settings.outDir, planned.units.map((u) => u.dir));
  if (blocked) {
    const { cwd, outDir } = settings;
    const reason = blocked.reason.replace(/^\/\S*/, (p) => displayPath(p, cwd));
    diagnostics.push(error(Codes.output, `cannot create the output folder ${displayPath(blocked.dir, cwd)}: ${reason}`, { file: displayPath(outDir, cwd), hint: 'remove or rename what is in the way, or pick another output folder with -o' }));
    return finish();
  }
  sweepTempFiles([settings.outDir, ...planned.units.map((u) => u.dir)]);
  const previous: Previous = { manifest: readManifest(settings.outDir), cache: readCache(settings.outDir, VERSION) };
  const built = await renderAndWrite(tasks, settings, { force: Boolean(options.force), previous }, progress, diagnostics);
  clock.lap('render+write');

  const recorded = [...previous.manifest.keys(), ...previous.cache.keys()];
  const removed = options.clean ? cleanOutputs(settings.outDir, recorded, keepArtifact(loaded, settings)) : [];
  writeState(settings, previous, built, removed, diagnostics);
  clock.lap('manifest');
  return finish(built.artifacts, { removed });
}

/** What the output folder held before this build. */
interface Previous {
  manifest: Map<string, ManifestEntry>;
  cache: Map<string, CacheEntry>;
}

interface Built {
  artifacts: ArtifactRecord[];
  cache: CacheEntry[];
}

/** Renders what the cache cannot vouch for and writes each artifact as soon as it is done. */
async function renderAndWrite(tasks: readonly Task[], settings: BuildSettings, opts: { force: boolean; previous: Previous }, progress: (e: ProgressEvent) => void, diagnostics: Diagnostic[]): Promise<Built> {
  const fixedDate = settings.dateFixed ? settings.date.toISOString() : undefined;
  const fresh = new Map<Task, CacheEntry>();
  for (const task of opts.force ? [] : tasks) {
    const known = opts.previous.cache.get(task.path) ?? opts.previous.manifest.get(task.path);
    const entry = freshEntry(known, { renderer: task.renderer.name, inputs: task.inputs, ...(fixedDate ? { date: fixedDate } : {}) }, settings.outDir);
    if (entry) fresh.set(task, entry);
  }
  const toRender = tasks.filter((t) => !fresh.has(t));
  progress({ type: 'plan', total: tasks.length, cached: fresh.size, topics: new Set(tasks.map((t) => t.unit.topic.slug)).size });

  const records = new Map<Task, ArtifactRecord>();
  const cache: CacheEntry[] = [...fresh.values()];
  const report = (task: Task, record: ArtifactRecord) => {
    records.set(task, record);
    progress({ type: 'artifact', artifact: record, done: records.size, total: tasks.length });
  };
  for (const [task, entry] of fresh) report(task, cachedRecord(task, entry));
  await renderTasks(toRender, settings, {
    start: (task) => progress({ type: 'render', path: task.path, topic: task.unit.topic.slug, audience: task.unit.audience.name }),
    done: (task, outcome) => {
      if (!outcome.ok) return void diagnostics.push(renderFailure(task, outcome));
      diagnostics.push(...renderDiagnostics(task, outcome.output));
      const status = writeArtifact(settings.outDir, task, outcome.output.bytes, diagnostics, settings.cwd);
      if (!status) return;
      const record = artifactRecord(task, outcome.output, status);
      const entry = cacheEntry(record, task.renderer.name, settings.outDir);
      if (entry) cache.push(entry);
      report(task, record);
    },
  });
  return { artifacts: tasks.flatMap((t) => records.get(t) ?? []), cache };
}

/**
 * --check (and `write: false`): renders everything in memory and compares with the disk. An
 * artifact is rendered at the date the manifest records for it, so --check gates content, not
 * the time of the last build.
 */
async function compareWithDisk(tasks: readonly Task[], settings: BuildSettings, useRecordedDates: boolean, progress: (e: ProgressEvent) => void, diagnostics: Diagnostic[]): Promise<ArtifactRecord[]> {
  const recorded = useRecordedDates ? readManifest(settings.outDir) : new Map<string, ManifestEntry>();
  const dated = tasks.map((t) => {
    const date = recorded.get(t.path)?.date;
    return date && !Number.isNaN(Date.parse(date)) ? { ...t, date: new Date(date) } : t;
  });
  progress({ type: 'plan', total: dated.length, cached: 0, topics: new Set(dated.map((t) => t.unit.topic.slug)).size });
  const records = new Map<Task, ArtifactRecord>();
  await renderTasks(dated, settings, {
    start: (task) => progress({ type: 'render', path: task.path, topic: task.unit.topic.slug, audience: task.unit.audience.name }),
    done: (task, outcome) => {
      if (!outcome.ok) return void diagnostics.push(renderFailure(task, outcome));
      diagnostics.push(...renderDiagnostics(task, outcome.output));
      const record = artifactRecord(task, outcome.output, compareArtifact(settings.outDir, task, outcome.output.bytes));
      records.set(task, record);
      progress({ type: 'artifact', artifact: record, done: records.size, total: dated.length });
    },
  });
  return dated.flatMap((t) => records.get(t) ?? []);
}

/** A renderer's warnings, placed at the topic file when they name no file of their own. */
function renderDiagnostics(task: Task, output: RenderOutput): Diagnostic[] {
  return (output.diagnostics ?? []).map((d) => (d.file ? d : { ...d, file: task.unit.topic.file }));
}

function renderFailure(task: Task, failure: { message: string; hint?: string }): Diagnostic {
  const where = `${task.renderer.output} for ${task.unit.topic.slug}/${task.unit.audience.name}`;
  return error(Codes.render, `${where}: ${failure.message}`, { file: task.unit.topic.file, ...(failure.hint ? { hint: failure.hint } : {}) });
}

/** For --clean: an artifact stays while its topic exists, builds for its audience, and some renderer makes it. */
function keepArtifact(loaded: LoadedTopics, settings: BuildSettings): (path: string) => boolean {
  const configured = new Set(settings.config.audiences.map((a) => a.name));
  const outputs = new Set(settings.allRenderers.map((r) => r.output));
  const topicAudienceNames = new Map(loaded.topics.map((t) => [t.slug, new Set(topicAudiences(t, settings.config).map((a) => a.name))]));
  return (path) => {
    const [slug = '', audience = '', file = ''] = path.split('/');
    return loaded.existing.has(slug) && configured.has(audience) && (topicAudienceNames.get(slug)?.has(audience) ?? true) && outputs.has(file);
  };
}

/** Merges this build into manifest.json and the cache; both are left untouched when nothing changed. */
function writeState(settings: BuildSettings, previous: Previous, built: Built, removed: readonly string[], diagnostics: Diagnostic[]): void {
  const { outDir } = settings;
  const entries = mergeManifest(previous.manifest, built.artifacts, outDir, removed);
  const cache = new Map(previous.cache);
  for (const path of removed) cache.delete(path);
  for (const entry of built.cache) cache.set(entry.path, entry);
  for (const [path, entry] of cache) if (!cacheEntry(entry, entry.renderer, outDir)) cache.delete(path);
  if (!entries.length && !previous.manifest.size) return;
  try {
    writeAtomic(join(outDir, MANIFEST), manifestBytes(entries, VERSION, settings.dateFixed ? settings.date : undefined));
    writeAtomic(join(outDir, CACHE_FILE), cacheBytes([...cache.values()], VERSION));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    diagnostics.push(error(Codes.output, `cannot write ${MANIFEST} (${code})`, { file: displayPath(join(outDir, MANIFEST), settings.cwd), hint: 'check that the output folder is writable' }));
  }
}

function stopwatch() {
  const start = performance.now();
  let last = start;
  const timings: Record<string, number> = {};
  const ms = (a: number, b: number) => Math.round((b - a) * 10) / 10;
  return {
    timings,
    lap(stage: string) {
      const now = performance.now();
      timings[stage] = ms(last, now);
      last = now;
    },
    total() {
      timings.total = ms(start, performance.now());
    },
  };
}
