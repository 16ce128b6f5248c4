import type MarkdownIt from 'markdown-it';
import { mathAt } from './dollars.js';

/**
 * Math in Markdown for every parser deckhand uses (the handout's, the deck's, lint's), with the
 * dollar rule of dollars.ts:
 * - inline `$…$` → a `math_inline` token; `$$…$$` inside a paragraph → `math_inline` with
 *   `meta.display` (the handout sets it on its own line, the deck centres it);
 * - a paragraph that starts with `$$` and ends with `$$` → a `math_block` token.
 * The token's `content` is the TeX. The rules run before markdown-it's backslash escapes, so TeX
 * (`\,`, `\frac`, `_`, `*`) reaches the engine as written; code spans still win over dollars.
 * Rendering is left to the caller (`md.renderer.rules.math_inline` / `math_block`).
 */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('escape', 'math_inline', (state, silent) => {
    const span = mathAt(state.src, state.pos, state.posMax);
    if (!span) return false;
    if (!silent) {
      const token = state.push('math_inline', 'math', 0);
      token.content = span.tex;
      token.markup = span.display ? '$$' : '$';
      token.meta = { display: span.display };
    }
    state.pos = span.end;
    return true;
  });

  md.block.ruler.before('paragraph', 'math_block', (state, startLine, endLine, silent) => {
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
    if (state.src.slice(start, start + 2) !== '$$') return false;
    // The block ends at the line that ends with `$$`, before any blank line.
    let line = startLine;
    for (; line < endLine; line++) {
      const from = line === startLine ? start + 2 : state.bMarks[line]! + state.tShift[line]!;
      const to = state.eMarks[line]!;
      if (from > to || state.isEmpty(line)) return false;
      if (state.src.slice(from, to).trimEnd().endsWith('$$') && (line > startLine || to - from >= 2)) break;
    }
    if (line >= endLine) return false;
    const text = state.src.slice(start, state.eMarks[line]).trimEnd();
    const tex = text.slice(2, -2).trim();
    if (!tex || tex.includes('$$')) return false;
    if (silent) return true;
    const token = state.push('math_block', 'math', 0);
    token.content = tex;
    token.markup = '$$';
    token.block = true;
    token.map = [startLine, line + 1];
    state.line = line + 1;
    return true;
  });
}
