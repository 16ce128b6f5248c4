import type { Diagnostic } from '../errors/diagnostic.js';
import type { Renderer } from '../render/types.js';

export interface BuildOptions {
  /** Topic files or folders; default: the configured content folder. */
  paths?: string[];
  /** Only these audiences (must be configured). */
  audiences?: string[];
  /** Formats (`slides`, `handout`, `slides-pdf`); default: slides and handout. */
  formats?: string[];
  /** Output folder; default: the configured one. */
  out?: string;
  /** Config file; default: ./deckhand.config.yaml when present. */
  config?: string;
  cwd?: string;
  /** Replace the built-in renderers (plug-ins). */
  renderers?: Renderer[];
  /** false: render in memory only, write nothing. */
  write?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface ArtifactRecord {
  /** Relative to the output folder, with `/`. */
  path: string;
  topic: string;
  audience: string;
  format: string;
  renderer: string;
  bytes: number;
  sha256: string;
  /** Pages (PDF) or slides (deck). */
  pages?: number;
  /** sha256 over the inputs this artifact came from (topic file, images, templates, config, version). */
  inputs: string;
  /** Whether this build changed the file on disk. */
  written: boolean;
}

export interface BuildResult {
  ok: boolean;
  outDir: string;
  artifacts: ArtifactRecord[];
  diagnostics: Diagnostic[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export const DEFAULT_FORMATS = ['slides', 'handout'] as const;
