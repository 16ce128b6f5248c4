import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { UsageError, type Diagnostic } from '../errors/diagnostic.js';
import { didYouMean } from '../errors/suggest.js';
import { selectAudiences } from '../config/select.js';
import { builtinRenderers, knownFormats } from '../render/registry.js';
import type { Renderer } from '../render/types.js';
import { buildDate, sourceDateEpoch } from './date.js';
import { outDirProblem } from './out-dir.js';
import { parseShard } from './shard.js';
import { type BuildOptions, type Shard } from './types.js';

/** Everything a build decided before touching content: the options checked, the config loaded. */
export interface BuildSettings {
  config: ResolvedConfig;
  /** Topic files or folders (absolute); undefined: the configured content folder. */
  paths?: string[];
  outDir: string;
  /** This run's build date. */
  date: Date;
  /** True when SOURCE_DATE_EPOCH set the date: then it is an input like any other. */
  dateFixed: boolean;
  /** The renderers this build runs, in output order. */
  renderers: Renderer[];
  /**
   * True when `-f` was not given: each audience then gets the renderers of its own `formats` (a subset of
   * `renderers`, which holds the union).
   */
  perAudience?: boolean;
  /** Every renderer known (for --clean: files no renderer makes any more). */
  allRenderers: Renderer[];
  /** True for the built-in renderers, which worker threads can create for themselves. */
  builtin: boolean;
  /** Undefined: every audience of each topic. */
  audiences?: string[];
  /** Undefined: every language of each topic (its own and its translations'). */
  langs?: string[];
  shard?: Shard;
  jobs: number;
}

/**
 * Checks the options (usage errors throw `UsageError`, exit 2) and loads the config (its problems
 * come back as diagnostics).
 */
export async function prepareBuild(options: BuildOptions): Promise<PreparedBuild> {
  const cwd = options.cwd ?? process.cwd();
  const paths = options.paths?.length ? options.paths.map((p) => resolve(cwd, p)) : undefined;
  const fixed = sourceDateEpoch(options.env);
  const date = fixed ?? buildDate(options.env);
  const allRenderers = options.renderers ?? builtinRenderers(options.env);
  // -f applies to every audience; without it each audience gets its own `formats` (default slides, handout).
  const asked = options.formats ? checkFormats(options.formats, allRenderers) : undefined;
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const jobs = checkJobs(options.jobs);

  const loaded = await loadConfig({
    ...(options.config !== undefined ? { config: options.config } : {}),
    cwd,
  });
  const { diagnostics, fallback } = loaded;
  const config = loaded.config && withFormats(loaded.config, asked);
  const outDir = resolve(cwd, options.out ?? config?.output ?? 'output');
  if (!config) return { outDir, diagnostics, ...(paths ? { paths } : {}), ...(fallback ? { fallback } : {}) };
  const misplaced = outDirProblem(outDir, config);
  if (misplaced) return { outDir, diagnostics: [...diagnostics, misplaced], ...(paths ? { paths } : {}) };
  const audiences = selectAudiences(options.audiences, config.audiences);
  const formats = new Set(
    config.audiences.filter((a) => !audiences || audiences.includes(a.name)).flatMap((a) => a.formats),
  );
  const settings: BuildSettings = {
    config,
    ...(paths ? { paths } : {}),
    outDir,
    date,
    dateFixed: fixed !== undefined,
    renderers: allRenderers.filter((r) => formats.has(r.format)),
    perAudience: asked === undefined,
    allRenderers,
    builtin: options.renderers === undefined,
    ...(audiences ? { audiences } : {}),
    ...(options.langs?.length ? { langs: checkLangs(options.langs) } : {}),
    ...(shard ? { shard } : {}),
    jobs,
  };
  return { settings, outDir, diagnostics };
}

export interface PreparedBuild {
  settings?: BuildSettings;
  outDir: string;
  /** As in BuildSettings. */
  paths?: string[];
  diagnostics: Diagnostic[];
  /** The config has problems: what of it can still check the topics in the same run (see `loadConfig`). */
  fallback?: LoadedConfig['fallback'];
}

/** The renderers an audience gets in this build. */
export function audienceRenderers(
  settings: Pick<BuildSettings, 'renderers' | 'perAudience'>,
  audience: { formats: readonly string[] },
): Renderer[] {
  return settings.perAudience
    ? settings.renderers.filter((r) => audience.formats.includes(r.format))
    : settings.renderers;
}

/** Each audience's formats for this build: `-f` when given, else its own. */
function withFormats(config: ResolvedConfig, asked: string[] | undefined): ResolvedConfig {
  if (!asked) return config;
  return { ...config, audiences: config.audiences.map((a) => ({ ...a, formats: [...asked] })) };
}

function checkFormats(formats: string[], renderers: readonly Renderer[]): string[] {
  const known = knownFormats(renderers);
  const list = formats
    .flatMap((f) => f.split(','))
    .map((f) => f.trim())
    .filter(Boolean);
  for (const f of list)
    if (!known.includes(f))
      throw new UsageError(`unknown format "${f}"${didYouMean(f, known)} (formats: ${known.join(', ')})`);
  return list;
}

function checkLangs(langs: string[]): string[] {
  for (const l of langs)
    if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(l))
      throw new UsageError(`"${l}" is not a BCP 47 language tag (e.g. en, es, es-US, pt-BR)`, 'lang');
  return langs;
}

/**
 * Default: one render thread per core (this one included). More threads than cores only add
 * memory and switching (-j 50 on 2 cores: 51 s and 3.3 GB instead of 4.8 s and 200 MB), so a larger
 * --jobs is capped at the core count.
 */
function checkJobs(jobs: number | undefined): number {
  if (jobs === undefined) return availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`must be a whole number ≥ 1, got "${jobs}"`, 'jobs');
  return Math.min(jobs, availableParallelism());
}
