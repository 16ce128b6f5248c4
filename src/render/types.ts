import type { Audience, ResolvedConfig } from '../config/types.js';
import type { ImageAsset, ResolvedTopic } from '../content/types.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import type { TemplateKind } from '../templates/lookup.js';

/** What a renderer gets: one topic for one audience, and the Markdown its template produced. */
export interface RenderInput {
  topic: ResolvedTopic;
  audience: Audience;
  /** Output of the `source` template kind for this audience. */
  markdown: string;
  /** Images by the URL the Markdown uses for them. */
  images: ReadonlyMap<string, ImageAsset>;
  config: ResolvedConfig;
  /** The build date (SOURCE_DATE_EPOCH when set). */
  date: Date;
  version: string;
}

export interface RenderOutput {
  bytes: Uint8Array;
  /** Warnings (or errors that still produced output). */
  diagnostics?: Diagnostic[];
  /** Page count (PDF) or slide count (deck), for the manifest. */
  pages?: number;
}

/**
 * One output file per topic × audience. Renderers are plug-ins: the pipeline knows only this
 * interface, so a new format is a new object in the registry, not a new branch in the build.
 */
export interface Renderer {
  /** Unique name, e.g. `slides-html`. */
  name: string;
  /** The `-f` format that turns this renderer on: `slides`, `handout`, `slides-pdf`. */
  format: string;
  /** Which template's Markdown it consumes. */
  source: TemplateKind;
  /** File name under `<out>/<slug>/<audience>/`. */
  output: string;
  render(input: RenderInput): Promise<RenderOutput>;
  /**
   * How the build schedules it. `heavy` (a PDF: tens of milliseconds and more) goes to worker threads
   * first; default `light`.
   */
  cost?: 'light' | 'heavy';
  /**
   * The libraries render() loads (e.g. `['pdfkit', 'fontkit']`). Renderers that load different sets
   * are given different threads, so each thread loads and warms up only one set.
   */
  libraries?: readonly string[];
  /**
   * Optional: loads what render() needs (libraries, fonts) ahead of the first render. Worker
   * threads call it at start-up and take work only once it is done, so no job waits on a cold thread.
   */
  prepare?(): Promise<void>;
  /** Releases shared resources (a browser, a worker) at the end of a build. */
  close?(): Promise<void>;
}

/** A renderer's failure that the user can act on (e.g. no browser installed): becomes a diagnostic, exit 1. */
export class RenderError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'RenderError';
  }
}
