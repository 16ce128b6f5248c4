import { handoutPdf } from './handout-pdf/index.js';
import { pptx } from './pptx/index.js';
import { notesPdf, slidesHandoutPdf } from './printouts/index.js';
import { slidesMarkdown } from './slides-md/index.js';
import { slidesHtml } from './slides-html/index.js';
import { slidesPdf } from './slides-pdf/index.js';
import type { Renderer } from './types.js';

/**
 * The built-in renderers, in output order. Heavy renderers import their libraries lazily inside
 * render(), so a build that does not need them never loads them. `env` is the build's environment
 * (where slides.pdf looks for a browser: CHROME_PATH, PATH).
 */
export function builtinRenderers(env: NodeJS.ProcessEnv = process.env): Renderer[] {
  return [slidesMarkdown, slidesHtml, slidesPdf(env), handoutPdf, pptx, notesPdf, slidesHandoutPdf];
}

/** The formats `-f` accepts, from the registry. */
export function knownFormats(renderers: readonly Renderer[]): string[] {
  return [...new Set(renderers.map((r) => r.format))];
}
