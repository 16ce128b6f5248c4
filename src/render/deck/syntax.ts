import type MarkdownIt from 'markdown-it';
import type { StateBlock, StateInline } from 'markdown-it';

// markdown-it rules for the two things Marp adds to Markdown's syntax, ported from marpit 3
// (lib/markdown/comment.js) and marp-core 5 (math plugin) so that the deck model splits text exactly where
// Marp does: HTML comments (directives or speaker notes, never content) and `$…$` / `$$…$$` math.

const COMMENT = /<!--+\s*([\s\S]*?)\s*--+>/;

export function marpSyntax(md: MarkdownIt): void {
  // A block comment: starts a line, runs to the line that holds `-->`. Like Marpit's, it does not
  // interrupt a paragraph (there, the inline rule takes it).
  md.block.ruler.before('html_block', 'marpit_comment', (state: StateBlock, start, end, silent) => {
    let pos = state.bMarks[start]! + state.tShift[start]!;
    if (state.src.charCodeAt(pos) !== 0x3c) return false;
    let line = state.src.slice(pos, state.eMarks[start]);
    if (!line.startsWith('<!--')) return false;
    if (silent) return true;
    let next = start + 1;
    if (!line.includes('-->')) {
      while (next < end) {
        if (state.sCount[next]! < state.blkIndent) break;
        pos = state.bMarks[next]! + state.tShift[next]!;
        line = state.src.slice(pos, state.eMarks[next]);
        next += 1;
        if (line.includes('-->')) break;
      }
    }
    state.line = next;
    const token = state.push('marpit_comment', '', 0);
    token.map = [start, next];
    token.markup = state.getLines(start, next, state.blkIndent, true);
    token.hidden = true;
    token.content = COMMENT.exec(token.markup)?.[1]?.trim() ?? '';
    return true;
  });
  md.inline.ruler.before('html_inline', 'marpit_inline_comment', (state: StateInline, silent) => {
    const { posMax, src } = state;
    if (state.pos + 2 >= posMax || src.charCodeAt(state.pos) !== 0x3c || src.charCodeAt(state.pos + 1) !== 0x21)
      return false;
    const match = COMMENT.exec(src.slice(state.pos));
    if (!match || match.index !== 0) return false;
    if (!silent) {
      const token = state.push('marpit_comment', '', 0);
      token.hidden = true;
      token.markup = match[0];
      token.content = match[1]!.trim();
    }
    state.pos += match[0].length;
    return true;
  });
  md.inline.ruler.after('escape', 'math_inline', mathInline);
  md.block.ruler.after('blockquote', 'math_block', mathBlock, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}

/** Can a `$` at `at` open (no space after) or close (no space before, no digit after) inline math? */
function flanking(state: StateInline, at: number) {
  const before = at > 0 ? state.src.charCodeAt(at - 1) : -1;
  const after = at + 1 <= state.posMax ? state.src.charCodeAt(at + 1) : -1;
  return {
    openable: !(after === 0x20 || after === 0x09),
    closable: !(before === 0x20 || before === 0x09 || (after >= 0x30 && after <= 0x39)),
  };
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src[pos] !== '$') return false;
  const text = (s: string, to: number) => {
    if (!silent) state.pending += s;
    state.pos = to;
    return true;
  };
  const from = pos + 1;
  if (!flanking(state, pos).openable) return text('$', from);
  let close = from;
  while ((close = src.indexOf('$', close)) !== -1) {
    let back = close - 1;
    while (src[back] === '\\') back--;
    if ((close - back) % 2 === 1) break;
    close += 1;
  }
  if (close === -1) return text('$', from);
  if (close === from) return text('$$', from + 1);
  if (!flanking(state, close).closable) return text('$', from);
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.markup = '$';
    token.content = src.slice(from, close);
  }
  state.pos = close + 1;
  return true;
}

function mathBlock(state: StateBlock, start: number, end: number, silent: boolean): boolean {
  const { blkIndent, bMarks, eMarks, src, tShift } = state;
  let pos = bMarks[start]! + tShift[start]!;
  let max = eMarks[start]!;
  if (pos + 2 > max || src.slice(pos, pos + 2) !== '$$') return false;
  if (silent) return true;
  pos += 2;
  let first = src.slice(pos, max);
  let last: string | undefined;
  let found = first.trim().slice(-2) === '$$';
  if (found) first = first.trim().slice(0, -2);
  let next = start;
  while (!found) {
    next += 1;
    if (next >= end) break;
    pos = bMarks[next]! + tShift[next]!;
    max = eMarks[next]!;
    if (pos < max && tShift[next]! < blkIndent) break;
    if (src.slice(pos, max).trim().slice(-2) === '$$') {
      found = true;
      last = src.slice(pos, src.slice(0, max).lastIndexOf('$$'));
    }
  }
  state.line = next + 1;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.map = [start, state.line];
  token.markup = '$$';
  token.content = (first.trim() ? `${first}\n` : '') + state.getLines(start + 1, next, tShift[start]!, true);
  if (last?.trim()) token.content += last;
  return true;
}
