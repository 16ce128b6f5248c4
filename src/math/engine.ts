/**
 * The one math engine of every output: MathJax 4 (TeX input, SVG output with the New Computer
 * Modern font, every glyph a path: no fonts to embed or load). Loaded on the first formula only, so
 * a build without math never pays for it; each formula is typeset once per process (cache by
 * display mode and TeX). MathJax's output depends only on the TeX, so cached and fresh results are
 * the same bytes and two builds stay identical.
 */

import { formulaKey as key, type Formula, type Typeset } from './types.js';

export { key };
export type { Formula, Typeset };

/** TeX packages: LaTeX's math, AMS environments, `\boldsymbol`, `\cancel`, `\color`, text-mode accents. */
const PACKAGES = ['base', 'ams', 'boldsymbol', 'cancel', 'color', 'textmacros'];
const MAX_CACHE = 20_000;

type Convert = (tex: string, display: boolean) => Promise<string>;

let engine: Promise<Convert> | undefined;
const cache = new Map<string, Typeset>();

/** Typesets formulas (each once); results by `key(tex, display)`. Loads MathJax when first asked. */
export async function typeset(list: readonly { tex: string; display: boolean }[]): Promise<Map<string, Typeset>> {
  const out = new Map<string, Typeset>();
  for (const { tex, display } of list) {
    const k = key(tex, display);
    if (out.has(k)) continue;
    let result = cache.get(k);
    if (!result) {
      result = await typesetOne(tex, display);
      if (cache.size >= MAX_CACHE) cache.clear();
      cache.set(k, result);
    }
    out.set(k, result);
  }
  return out;
}

/** A result already in the cache (the deck's renderer is synchronous: it typesets ahead, then looks up). */
export const cached = (tex: string, display: boolean): Typeset | undefined => cache.get(key(tex, display));

/** Loads MathJax ahead of the first formula. */
export async function prepareMath(): Promise<void> {
  engine ??= load();
  await engine;
}

async function typesetOne(tex: string, display: boolean): Promise<Typeset> {
  engine ??= load();
  const convert = await engine;
  try {
    return { ok: true, formula: measure(await convert(tex, display)) };
  } catch (e) {
    return { ok: false, message: errorMessage(e) };
  }
}

function errorMessage(e: unknown): string {
  // MathJax's TexError is not an Error, but has a message.
  const message =
    typeof (e as { message?: unknown })?.message === 'string' ? (e as { message: string }).message : String(e);
  return message.replace(/\s+/g, ' ').trim() || 'the formula cannot be typeset';
}

/** Width, height and depth from the viewBox (1000 units per em; y grows downwards, the baseline at 0). */
export function measure(svg: string): Formula {
  const box = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!box) throw new Error('the engine returned no picture');
  const [, , minY, w, h] = box.map(Number) as [number, number, number, number, number];
  return { svg, width: w / 1000, ascent: -minY / 1000, descent: (h + minY) / 1000 };
}

async function load(): Promise<Convert> {
  const [{ mathjax }, { TeX }, { SVG }, { liteAdaptor }, { RegisterHTMLHandler }, { MathJaxNewcmFont }] =
    await Promise.all([
      import('@mathjax/src/js/mathjax.js'),
      import('@mathjax/src/js/input/tex.js'),
      import('@mathjax/src/js/output/svg.js'),
      import('@mathjax/src/js/adaptors/liteAdaptor.js'),
      import('@mathjax/src/js/handlers/html.js'),
      import('@mathjax/mathjax-newcm-font/js/svg.js'),
      import('@mathjax/src/js/input/tex/base/BaseConfiguration.js'),
      import('@mathjax/src/js/input/tex/ams/AmsConfiguration.js'),
      import('@mathjax/src/js/input/tex/boldsymbol/BoldsymbolConfiguration.js'),
      import('@mathjax/src/js/input/tex/cancel/CancelConfiguration.js'),
      import('@mathjax/src/js/input/tex/color/ColorConfiguration.js'),
      import('@mathjax/src/js/input/tex/textmacros/TextMacrosConfiguration.js'),
      // Rare characters' glyphs live in font files loaded on demand, by import() from node_modules.
      import('@mathjax/src/js/util/asyncLoad/esm.js'),
    ]);
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const tex = new TeX({
    packages: PACKAGES,
    // An error is the author's to fix (DH_MATH), not a red formula in the output.
    formatError: (_jax: unknown, err: Error) => {
      throw err;
    },
  });
  // fontCache "none": no <defs>/<use> ids, which would clash between formulas on one page.
  const svg = new SVG({ fontCache: 'none', fontData: MathJaxNewcmFont, linebreaks: { inline: false } });
  const doc = mathjax.document('', { InputJax: tex, OutputJax: svg });
  return async (source, display) => {
    const node = await mathjax.handleRetriesFor(() => doc.convert(source, { display }));
    const picture = adaptor.firstChild(node) as Parameters<typeof adaptor.outerHTML>[0];
    // The TeX is repeated on every node (data-latex): the alt text carries it once.
    return adaptor.outerHTML(picture).replace(/ data-latex="[^"]*"/g, '');
  };
}
