import type { Diagnostic } from '../errors/diagnostic.js';
import type { Renderer } from '../render/types.js';

export interface BuildOptions {
  /** Topic files or folders; default: the configured content folder. */
  paths?: string[];
  /** Only these audiences (must be configured). */
  audiences?: string[];
  /** Only these languages (BCP 47 tags: the source's own, or its translations'); `es` picks `es-US` too. */
  langs?: string[];
  /** Formats (`slides`, `handout`, `slides-pdf`); default: slides and handout. */
  formats?: string[];
  /** Output folder; default: the configured one. */
  out?: string;
  /** Config file; default: ./deckhand.config.yaml when present. */
  config?: string;
  cwd?: string;
  /** Replace the built-in renderers (plug-ins). Plug-ins always render in this thread. */
  renderers?: Renderer[];
  /** false: render in memory only, write nothing. */
  write?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Render every artifact again, ignoring the incremental cache. */
  force?: boolean;
  /** Rebuild in memory and compare with the files on disk (`result.check`); writes nothing. */
  check?: boolean;
  /** Remove artifacts of topics and audiences that no longer exist. */
  clean?: boolean;
  /** Threads that render, this one included; default: the number of cores. 1: no workers. */
  jobs?: number;
  /** Only this shard's topics: `"2/4"` or `{ index: 2, count: 4 }` (1-based). */
  shard?: string | Shard;
  /** Worker threads kept warm across builds (see `buildSession()`; `deckhand watch` uses one). */
  session?: BuildSession;
  /** Called as the build advances; the CLI draws its progress from these. Must not throw. */
  onProgress?: (event: ProgressEvent) => void;
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export type ProgressEvent =
  /** Everything is validated; `total` artifacts will be reported, `cached` of them need no rendering. */
  | { type: 'plan'; total: number; cached: number; topics: number }
  /** Rendering of one artifact starts. */
  | { type: 'render'; path: string; topic: string; audience: string }
  /** One artifact is done (rendered, or up to date in the cache). */
  | { type: 'artifact'; artifact: ArtifactRecord; done: number; total: number };

export interface ArtifactRecord {
  /** Relative to the output folder, with `/`. */
  path: string;
  topic: string;
  audience: string;
  /** The language of the artifact (BCP 47). */
  lang?: string;
  format: string;
  renderer: string;
  bytes: number;
  sha256: string;
  /** Pages (PDF) or slides (deck). */
  pages?: number;
  /** sha256 over the inputs this artifact came from (topic file, images, template and partials, config, version). */
  inputs: string;
  /** The build date this artifact carries (ISO 8601). */
  date: string;
  /** Whether this build changed the file on disk. */
  written: boolean;
  status: ArtifactStatus;
}

/**
 * `written`: rendered, and the file changed; `unchanged`: rendered, same bytes as on disk;
 * `cached`: not rendered, the incremental cache showed it up to date. With --check: `current`,
 * `stale` (differs from a fresh build) or `missing`.
 */
export type ArtifactStatus = 'written' | 'unchanged' | 'cached' | 'current' | 'stale' | 'missing';

export interface CheckResult {
  /** On disk, but different from a fresh build. */
  stale: string[];
  /** Not on disk. */
  missing: string[];
}

export interface BuildResult {
  ok: boolean;
  outDir: string;
  artifacts: ArtifactRecord[];
  diagnostics: Diagnostic[];
  /** Milliseconds per stage, and `total`. */
  timings: Record<string, number>;
  /** With `check`: what is out of date on disk. */
  check?: CheckResult;
  /** With `clean`: files removed, relative to the output folder. */
  removed: string[];
  /** The files each loaded topic was read from (topic file, images; absolute), for watchers. */
  sources: { topic: string; files: string[] }[];
  /** Threads that rendered: this one and the worker threads that took jobs. */
  threads: number;
}

/**
 * What a build keeps warm for the next one (`buildSession()`; `deckhand watch` uses one): worker
 * threads with their libraries loaded, and the compiled templates while the templates folder is
 * unchanged. `close()` ends the threads and what their renderers hold (a browser).
 */
export interface BuildSession {
  /** Loads the built-in renderers' libraries in this thread too, ahead of the first rebuild. */
  prepare(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_FORMATS = ['slides', 'handout'] as const;
