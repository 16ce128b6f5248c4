import type { FontKey, StructNode } from './flow.js';
import type { Metrics } from '../../fonts/metrics.js';
import type { Hyphenator } from '../../typeset/hyphenation.js';

/** A stretch of text in one font, size and colour. */
export interface Run {
  text: string;
  font: FontKey;
  size: number;
  color: string;
  /** The structure node the text belongs to when not the block's own (a Link). */
  node?: StructNode;
  link?: string;
  /** A hard line break. */
  break?: boolean;
  /** An inline formula (`text` is its TeX): one unbreakable box of this size, in points. */
  formula?: { svg: string; width: number; ascent: number; descent: number };
}

export interface Fragment {
  text: string;
  /** Offset from the start of the line. */
  x: number;
  width: number;
  run: Run;
  /**
   * The hyphen of a word split at the line end: drawn, but not text (an artifact), so the two halves
   * join up again when the text is copied or read aloud.
   */
  hyphen?: boolean;
}

export interface Line {
  fragments: Fragment[];
  width: number;
}

// Invisible code points that no font needs a glyph for (variation selectors, zero-width joiners).
const IGNORABLE = /[\u200B-\u200D\u2060\uFE00-\uFE0F]/g;

/**
 * Splits runs so that every character is set in the first font of the chain that has it (pdfkit has no
 * fallback: a missing glyph prints as an empty box). Characters no font of the chain has stay in the
 * run's font and are counted in `missing`, so the renderer can name them in a warning.
 */
export function withFallbacks(runs: readonly Run[], metrics: Metrics, missing: Map<string, number>): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.break || run.formula) {
      out.push(run);
      continue;
    }
    let current: Run | null = null;
    for (const ch of run.text.replace(IGNORABLE, '')) {
      const cp = ch.codePointAt(0)!;
      let font = run.font;
      if (cp > 0x20) {
        const found = metrics.fallbacks(run.font).find((f) => metrics.hasGlyph(f, cp));
        if (found) font = found;
        else missing.set(ch, (missing.get(ch) ?? 0) + 1);
      }
      if (current && current.font === font) current.text += ch;
      else {
        current = { ...run, text: ch, font };
        out.push(current);
      }
    }
  }
  return out;
}

interface Piece {
  text: string;
  run: Run;
  width: number;
  hyphen?: boolean;
}

type Token = { kind: 'word'; pieces: Piece[] } | { kind: 'space'; run: Run } | { kind: 'break' };

export interface BreakOptions {
  /** Split words that do not fit at the line end, where this allows (the handout language's patterns). */
  hyphenate?: Hyphenator | null;
  /**
   * Split points for a word wider than the whole line, which must be split anyway: at a syllable
   * with a hyphen reads better than cut between two letters. Default: `hyphenate`.
   */
  overlong?: Hyphenator | null;
}

/**
 * Greedy line breaking at spaces, ragged right (no justification: uneven word gaps hurt
 * readability). A line that ends at a space keeps that space in its text (not in its width), so
 * extracted text does not run words together. With `hyphenate`, a word that does not fit is split
 * where its language allows, but only when that fills a line noticeably better (see HYPHEN_ZONE)
 * and never on more than two lines in a row. A word wider than the line is split (or, with no
 * split point left, cut between characters) over as many lines as it needs.
 */
export function breakLines(runs: readonly Run[], width: number, metrics: Metrics, options: BreakOptions = {}): Line[] {
  const lines: Line[] = [];
  let pieces: Piece[] = [];
  let lineWidth = 0;
  let pending: Run | null = null;
  let hyphenated = 0; // lines in a row that end with a hyphen
  const endLine = (trailingSpace: boolean, hyphen = false) => {
    lines.push(toLine(pieces, trailingSpace));
    pieces = [];
    lineWidth = 0;
    pending = null;
    hyphenated = hyphen ? hyphenated + 1 : 0;
  };
  const hyphenate = options.hyphenate ?? null;
  const overlong = options.overlong ?? hyphenate;
  const zone = width * HYPHEN_ZONE;
  for (const token of tokenize(runs, metrics)) {
    if (token.kind === 'break') {
      endLine(false);
      continue;
    }
    if (token.kind === 'space') {
      if (pieces.length) pending = token.run;
      continue;
    }
    let word = token.pieces;
    let wordWidth = sum(word);
    const space: Run | null = pending;
    const spaceWidth = space ? metrics.width(' ', space.font, space.size) : 0;
    if (pieces.length && lineWidth + spaceWidth + wordWidth <= width + 1e-6) {
      if (space) pieces.push({ text: ' ', run: space, width: spaceWidth });
      pieces.push(...word);
      lineWidth += spaceWidth + wordWidth;
      pending = null;
      continue;
    }
    if (pieces.length) {
      // The word does not fit: end this line with its first part, if the line is short enough to need it.
      const room = width - lineWidth - spaceWidth;
      const split =
        hyphenate && hyphenated < 2 && width - lineWidth > zone ? splitWord(word, room, hyphenate, metrics) : null;
      if (split) {
        if (space) pieces.push({ text: ' ', run: space, width: spaceWidth });
        pieces.push(...split.head);
        endLine(false, true);
        word = split.tail;
        wordWidth = sum(word);
      } else endLine(space !== null);
    }
    // On an empty line: a word longer than the line is split until what is left fits.
    for (let split; wordWidth > width + 1e-6 && overlong && (split = splitWord(word, width, overlong, metrics));) {
      pieces.push(...split.head);
      endLine(false, true);
      word = split.tail;
      wordWidth = sum(word);
    }
    if (wordWidth <= width + 1e-6) {
      pieces.push(...word);
      lineWidth = wordWidth;
      continue;
    }
    // Too wide for any line, with no split point left (a long URL): cut it between characters.
    for (const p of word) {
      if (p.run.formula) {
        if (pieces.length && lineWidth + p.width > width + 1e-6) endLine(false);
        pieces.push(p);
        lineWidth += p.width;
        continue;
      }
      for (const ch of p.text) {
        const w = metrics.width(ch, p.run.font, p.run.size);
        if (pieces.length && lineWidth + w > width + 1e-6) endLine(false);
        const last = pieces[pieces.length - 1];
        if (last && last.run === p.run) {
          last.text += ch;
          last.width += w;
        } else pieces.push({ text: ch, run: p.run, width: w });
        lineWidth += w;
      }
    }
  }
  if (pieces.length || !lines.length) endLine(false);
  return lines;
}

/**
 * A word is split at a line end only when the line would otherwise end this much short of the
 * column (a share of its width): ragged right needs no tight fill, and every split costs reading.
 */
export const HYPHEN_ZONE = 0.1;

function sum(pieces: readonly Piece[]): number {
  return pieces.reduce((total, p) => total + p.width, 0);
}

/**
 * The longest first part of `word` that, with a hyphen, fits in `room`; null when none does or the
 * word is not one to split (code, a link, a formula: see the hyphenator for what words are).
 */
function splitWord(
  word: readonly Piece[],
  room: number,
  hyphenate: Hyphenator,
  metrics: Metrics,
): { head: Piece[]; tail: Piece[] } | null {
  if (word.some((p) => p.run.formula || p.run.link || p.run.font.startsWith('mono'))) return null;
  const text = word.map((p) => p.text).join('');
  const points = hyphenate(text);
  for (let i = points.length - 1; i >= 0; i--) {
    const head: Piece[] = [];
    const tail: Piece[] = [];
    let at = 0;
    for (const p of word) {
      const cut = points[i]! - at;
      if (cut >= p.text.length) head.push(p);
      else if (cut <= 0) tail.push(p);
      else {
        const [a, b] = [p.text.slice(0, cut), p.text.slice(cut)];
        head.push({ text: a, run: p.run, width: metrics.width(a, p.run.font, p.run.size) });
        tail.push({ text: b, run: p.run, width: metrics.width(b, p.run.font, p.run.size) });
      }
      at += p.text.length;
    }
    const last = head[head.length - 1]!.run;
    const hyphen: Piece = { text: '-', run: last, width: metrics.width('-', last.font, last.size), hyphen: true };
    if (sum(head) + hyphen.width <= room + 1e-6) return { head: [...head, hyphen], tail };
  }
  return null;
}

/** The widest word: the least width that sets the runs without cutting a word. */
export function longestWord(runs: readonly Run[], metrics: Metrics): number {
  let widest = 0;
  for (const t of tokenize(runs, metrics))
    if (t.kind === 'word')
      widest = Math.max(
        widest,
        t.pieces.reduce((sum, p) => sum + p.width, 0),
      );
  return widest;
}

function tokenize(runs: readonly Run[], metrics: Metrics): Token[] {
  const tokens: Token[] = [];
  let word: Piece[] = [];
  const flush = () => {
    if (word.length) tokens.push({ kind: 'word', pieces: word });
    word = [];
  };
  for (const run of runs) {
    if (run.break) {
      flush();
      tokens.push({ kind: 'break' });
      continue;
    }
    if (run.formula) {
      // Part of the word around it: no line break between a formula and the punctuation after it.
      word.push({ text: run.text, run, width: run.formula.width });
      continue;
    }
    for (const part of run.text.split(/([ \t\n]+)/)) {
      if (part === '') continue;
      if (/^[ \t\n]+$/.test(part)) {
        flush();
        tokens.push({ kind: 'space', run });
      } else word.push({ text: part, run, width: metrics.width(part, run.font, run.size) });
    }
  }
  flush();
  return tokens;
}

function toLine(pieces: Piece[], trailingSpace: boolean): Line {
  const fragments: Fragment[] = [];
  let x = 0;
  for (const p of pieces) {
    const last = fragments[fragments.length - 1];
    if (last && last.run === p.run && !last.hyphen && !p.hyphen) {
      last.text += p.text;
      last.width += p.width;
    } else fragments.push({ text: p.text, x, width: p.width, run: p.run, ...(p.hyphen ? { hyphen: true } : {}) });
    x += p.width;
  }
  const last = fragments[fragments.length - 1];
  if (trailingSpace && last) last.text += ' ';
  return { fragments, width: x };
}
