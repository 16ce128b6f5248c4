/**
 * Where math is in a text: Pandoc's `tex_math_dollars` rule, the one every output (deck, handout),
 * the template helpers and lint share, so a formula is a formula everywhere or nowhere.
 *
 * - `$…$` is inline math when the opening `$` has a non-space character right after it, and the
 *   first unescaped `$` after that closes it, provided it has a non-space character right before it
 *   and no digit right after it. Otherwise the opening `$` is a literal dollar sign:
 *   "$5 copay", "$5–$10", "between $5 and $10" hold no math.
 * - `$$…$$` is display math (anything up to the next `$$`; no blank line inside).
 * - `\$` is always a literal dollar sign; inside math it is TeX's own `\$`.
 * Pure.
 */

export interface MathSpan {
  /** The TeX between the delimiters. */
  tex: string;
  display: boolean;
  /** Offsets in the text: `start` at the opening `$`, `end` just after the closing one. */
  start: number;
  end: number;
}

export type Segment = { text: string } | { math: MathSpan };

const SPACE = /\s/;
const DIGIT = /[0-9]/;

/** The math span that starts at `pos` (a `$`), or null when that `$` is a literal dollar sign. */
export function mathAt(src: string, pos: number, max = src.length): MathSpan | null {
  if (src.charCodeAt(pos) !== 0x24 /* $ */) return null;
  if (src.charCodeAt(pos + 1) === 0x24) return displayAt(src, pos, max);
  const first = src[pos + 1];
  if (first === undefined || pos + 1 >= max || SPACE.test(first)) return null;
  let i = pos + 1;
  while (i < max) {
    const c = src[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '\n' && /^\n[ \t]*(?:\n|$)/.test(src.slice(i, max))) return null; // a blank line ends the paragraph
    if (c === '$') break;
    i++;
  }
  if (i >= max) return null;
  if (SPACE.test(src[i - 1]!) || DIGIT.test(src[i + 1] ?? '')) return null;
  return { tex: src.slice(pos + 1, i), display: false, start: pos, end: i + 1 };
}

function displayAt(src: string, pos: number, max: number): MathSpan | null {
  let i = pos + 2;
  while (i < max - 1) {
    const c = src[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '\n' && /^\n[ \t]*(?:\n|$)/.test(src.slice(i, max))) return null;
    if (c === '$' && src[i + 1] === '$') {
      const tex = src.slice(pos + 2, i);
      return tex.trim() ? { tex: tex.trim(), display: true, start: pos, end: i + 2 } : null;
    }
    i++;
  }
  return null;
}

/**
 * Every math span of a plain text, in order. A backslash escapes the next character (so `\$` is
 * never a delimiter), as in Markdown. Code spans are not looked into here: callers that see
 * Markdown use the markdown-it rule, which lets code spans win.
 */
export function findMath(text: string): MathSpan[] {
  const out: MathSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '$') continue;
    const span = mathAt(text, i);
    if (span) {
      out.push(span);
      i = span.end - 1;
    } else if (text[i + 1] === '$') i++; // `$$` that opens nothing: both literal
  }
  return out;
}

/** The text cut into plain pieces and formulas. */
export function splitMath(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const span of findMath(text)) {
    if (span.start > at) out.push({ text: text.slice(at, span.start) });
    out.push({ math: span });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

export const hasMath = (text: string): boolean => text.includes('$') && findMath(text).length > 0;

/** The text with each formula as its TeX source, without dollars: for bookmarks, metadata and window titles. */
export function mathAsSource(text: string): string {
  return splitMath(text)
    .map((s) => ('math' in s ? s.math.tex : s.text))
    .join('');
}
