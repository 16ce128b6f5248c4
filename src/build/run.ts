import { hasErrors, type Diagnostic } from '../errors/diagnostic.js';
import type { TemplateEngine } from '../templates/engine.js';
import type { InputsHasher } from './inputs.js';
import type { LoadedTopics } from './load-stage.js';
import type { Session } from './session.js';
import type { BuildSettings } from './settings.js';
import type { Stopwatch } from './stopwatch.js';
import type { ArtifactRecord, BuildOptions, BuildResult, ProgressEvent } from './types.js';

/** What a build carries from stage to stage: its options, what it found so far, and what it reports. */
export interface Run {
  options: BuildOptions;
  clock: Stopwatch;
  diagnostics: Diagnostic[];
  outDir: string;
  progress: (event: ProgressEvent) => void;
  session: Session | undefined;
  /** The files each loaded topic was read from, for watchers. */
  sources: BuildResult['sources'];
}

/** A run whose settings are known and whose topics are loaded. */
export interface LoadedRun extends Run {
  settings: BuildSettings;
  loaded: LoadedTopics;
  /** The inputs hash of each artifact (what the incremental cache and the manifest record). */
  inputs: InputsHasher;
  engine: TemplateEngine;
}

/** The build's result from what the run collected. */
export function finish(run: Run, artifacts: ArtifactRecord[] = [], extra: Partial<BuildResult> = {}): BuildResult {
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
