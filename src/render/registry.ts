import { handoutPdf } from './handout-pdf/index.js';
import { pptx } from './pptx/index.js';
import { notesPdf, slidesHandoutPdf } from './printouts/index.js';
import { slidesMarkdown } from './slides-md/index.js';
import { slidesHtml } from './slides-html/index.js';
import { slidesPdf } from './slides-pdf/index.js';
import { deckPrinter } from './slides-pdf/printer.js';
import type { Renderer } from './types.js';
import { localisedOutput } from './artifact-name.js';

export { localisedOutput };

/**
 * The built-in renderers, in output order. Heavy renderers import their libraries lazily inside
 * render(), so a build that does not need them never loads them. `env` is the build's environment
 * (where slides.pdf looks for a browser: CHROME_PATH, PATH).
 */
export function builtinRenderers(env: NodeJS.ProcessEnv = process.env): Renderer[] {
  // One browser (per thread) for slides.pdf and the printouts' exact miniatures.
  const printer = deckPrinter(env);
  return [
    slidesMarkdown,
    slidesHtml,
    slidesPdf(env, printer),
    handoutPdf,
    pptx,
    notesPdf(printer),
    slidesHandoutPdf(printer),
  ];
}

/** Whether a file name is one a renderer makes, in the source language or any other (`handout.es-US.pdf`). */
export function isRendererOutput(file: string, renderers: readonly Pick<Renderer, 'output'>[]): boolean {
  return renderers.some((r) => {
    if (r.output === file) return true;
    const dot = r.output.indexOf('.');
    const base = dot < 0 ? r.output : r.output.slice(0, dot);
    const ext = dot < 0 ? '' : r.output.slice(dot);
    if (!file.startsWith(`${base}.`) || !file.endsWith(ext)) return false;
    return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(file.slice(base.length + 1, file.length - ext.length));
  });
}

/** The formats `-f` accepts, from the registry. */
export function knownFormats(renderers: readonly Renderer[]): string[] {
  return [...new Set(renderers.map((r) => r.format))];
}
