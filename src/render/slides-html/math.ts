import type MarkdownIt from 'markdown-it';
import { findMath } from '../../math/dollars.js';
import { mathPlugin } from '../../math/markdown-it-math.js';
import { formulaKey, type Typeset } from '../../math/types.js';
import { RenderError } from '../types.js';

/**
 * Math in the deck: the dollar rule every output shares, typeset by the math engine as inline SVG
 * (paths in the text colour: no fonts, nothing to load, nothing the page's CSP would block).
 * markdown-it renders synchronously and the engine is asynchronous (it may load font data), so the
 * formulas are typeset ahead: every `$…$` of the deck's Markdown first, then, for the few the
 * Markdown parser sees differently (a formula over lines of a block quote), a second pass.
 */
export interface DeckMath {
  render<T>(markdown: string, renderDeck: () => T): Promise<T>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

export function deckMath(md: MarkdownIt): DeckMath {
  md.use(mathPlugin);
  let results = new Map<string, Typeset>();
  let missing: { tex: string; display: boolean }[] = [];
  let failed: { tex: string; message: string }[] = [];
  const html = (tex: string, display: boolean): string => {
    const result = results.get(formulaKey(tex, display));
    if (!result?.ok) {
      if (!result) missing.push({ tex, display });
      else failed.push({ tex, message: result.message });
      return `<code class="dh-math-source">${escape(tex)}</code>`;
    }
    // MathJax's own role="img"; the TeX is what a screen reader reads.
    const svg = result.formula.svg.replace(/^<svg\b/, `<svg aria-label="${escape(tex)}"`);
    if (!display) return svg.replace(/ style="([^"]*)"/, ' style="$1 overflow: visible;"');
    // Centred, and scaled down (never up) when wider than the slide.
    const block = svg.replace(
      / style="[^"]*"/,
      ' style="display: block; margin: 0 auto; max-width: 100%; height: auto; overflow: visible;"',
    );
    return `<p class="dh-math-display">${block}</p>`;
  };
  md.renderer.rules.math_inline = (tokens, i) =>
    html(tokens[i]!.content, Boolean((tokens[i]!.meta as { display?: boolean } | null)?.display));
  md.renderer.rules.math_block = (tokens, i) => html(tokens[i]!.content, true);

  const typeset = async (list: { tex: string; display: boolean }[]) =>
    list.length ? (await import('../../math/engine.js')).typeset(list) : new Map<string, Typeset>();
  return {
    async render(markdown, renderDeck) {
      results = await typeset(findMath(markdown));
      missing = [];
      failed = [];
      let out = renderDeck();
      if (missing.length) {
        results = new Map([...results, ...(await typeset(missing))]);
        missing = [];
        failed = [];
        out = renderDeck();
      }
      const bad = failed[0];
      if (bad)
        throw new RenderError(
          `the formula "${bad.tex}" cannot be typeset: ${bad.message}`,
          'correct the TeX between the dollar signs (a literal dollar sign is \\$)',
        );
      return out;
    },
  };
}
