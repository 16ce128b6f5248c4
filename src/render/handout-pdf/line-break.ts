import type { FontKey, StructNode } from './flow.js';
import type { Metrics } from '../../fonts/metrics.js';

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
}

type Token = { kind: 'word'; pieces: Piece[] } | { kind: 'space'; run: Run } | { kind: 'break' };

/**
 * Greedy line breaking at spaces, ragged right (no justification: uneven word gaps hurt
 * readability). A word wider than the line is cut between characters. A line that ends at a space
 * keeps that space in its text (not in its width), so extracted text does not run words together.
 */
export function breakLines(runs: readonly Run[], width: number, metrics: Metrics): Line[] {
  const lines: Line[] = [];
  let pieces: Piece[] = [];
  let lineWidth = 0;
  let pending: Run | null = null;
  const endLine = (trailingSpace: boolean) => {
    lines.push(toLine(pieces, trailingSpace));
    pieces = [];
    lineWidth = 0;
    pending = null;
  };
  for (const token of tokenize(runs, metrics)) {
    if (token.kind === 'break') {
      endLine(false);
      continue;
    }
    if (token.kind === 'space') {
      if (pieces.length) pending = token.run;
      continue;
    }
    const wordWidth = token.pieces.reduce((sum, p) => sum + p.width, 0);
    const space: Run | null = pending;
    const spaceWidth = space ? metrics.width(' ', space.font, space.size) : 0;
    if (pieces.length && lineWidth + spaceWidth + wordWidth <= width + 1e-6) {
      if (space) pieces.push({ text: ' ', run: space, width: spaceWidth });
      pieces.push(...token.pieces);
      lineWidth += spaceWidth + wordWidth;
      pending = null;
      continue;
    }
    if (pieces.length) endLine(space !== null);
    if (wordWidth <= width + 1e-6) {
      pieces.push(...token.pieces);
      lineWidth = wordWidth;
      continue;
    }
    // Too wide for any line (a long URL): cut it between characters.
    for (const p of token.pieces) {
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
    if (last && last.run === p.run) {
      last.text += p.text;
      last.width += p.width;
    } else fragments.push({ text: p.text, x, width: p.width, run: p.run });
    x += p.width;
  }
  const last = fragments[fragments.length - 1];
  if (trailingSpace && last) last.text += ' ';
  return { fragments, width: x };
}
