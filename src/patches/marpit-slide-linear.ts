import type { Marp } from '@marp-team/marp-core';
import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * Marpit's `marpit_slide` rule (lib/markdown/slide.js) builds the token list with
 * `reduce((arr, slide) => [...arr, ...wrapped])`: every slide copies all the tokens before it, so a
 * deck of n slides costs n² (a 2 MiB paragraph, ~5 000 slides: 14 s of a 39 s build). This is the
 * same rule, token for token, appending in place. Marpit calls it with `anchor` only (no
 * `attributes`); the anchor follows `marp.options.anchor` as Marpit's own callback does.
 */
export function linearSlideRule(marp: Marp): void {
  const md = marp.markdown as MarkdownIt;
  const anchor = (i: number): string | undefined => {
    const option = (marp.options as { anchor?: boolean | ((i: number) => string) }).anchor;
    if (typeof option === 'function') return option(i);
    return option ? `${i + 1}` : undefined;
  };
  md.core.ruler.at('marpit_slide', (state: StateCore) => {
    if (state.inlineMode) return false;
    const slides: Token[][] = [[]];
    for (const t of state.tokens) {
      if (t.type === 'hr' && t.level === 0) slides.push([t]);
      else slides[slides.length - 1]!.push(t);
    }
    const total = slides.length;
    const out: Token[] = [];
    slides.forEach((tokens, slide) => {
      const firstHr = tokens[0]?.type === 'hr' ? tokens[0] : undefined;
      const target = firstHr ?? tokens.find((t) => t.map);
      const open = new state.Token('marpit_slide_open', 'section', 1);
      const close = new state.Token('marpit_slide_close', 'section', -1);
      Object.assign(open, {
        block: true,
        meta: { marpitSlide: slide, marpitSlideTotal: total, marpitSlideElement: 1 },
        map: target ? target.map : [0, 1],
      });
      Object.assign(close, {
        block: true,
        meta: { marpitSlide: slide, marpitSlideTotal: total, marpitSlideElement: -1 },
      });
      const id = anchor(slide);
      if (id != null) open.attrSet('id', id);
      out.push(open);
      for (let k = firstHr ? 1 : 0; k < tokens.length; k++) {
        tokens[k]!.level += 1;
        out.push(tokens[k]!);
      }
      out.push(close);
    });
    state.tokens = out;
    return true;
  });
}
