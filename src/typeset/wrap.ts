import type { Metrics } from '../fonts/metrics.js';
import type { Run } from './runs.js';

/**
 * How many lines a paragraph of runs takes at `width` px, broken as a browser breaks it: greedily at
 * spaces and after hyphens, a word wider than the line broken anywhere (`overflow-wrap: break-word`).
 * Widths are the font's real advances (kerning included) at `size` px, times `scale` for a theme whose
 * font is not the one measured (see slide-measure.ts in src/view), plus `spacing` px a character
 * (CSS letter-spacing).
 */
export function countLines(
  runs: readonly Run[],
  width: number,
  size: number,
  metrics: Metrics,
  scale = 1,
  spacing = 0,
): number {
  // Words: pieces between break opportunities, each possibly in several faces.
  const words: { width: number; space: number }[] = [];
  let current = { width: 0, space: 0 };
  let open = false;
  for (const run of runs) {
    for (const piece of run.text.split(/(\s+|(?<=-))/)) {
      if (!piece) continue;
      if (/^\s+$/.test(piece)) {
        if (open) words.push(current);
        current = { width: 0, space: 0 };
        open = false;
        if (words.length) words[words.length - 1]!.space += metrics.width(' ', run.face, size) * scale + spacing;
        continue;
      }
      current.width += metrics.width(piece, run.face, size) * scale + spacing * [...piece].length;
      open = true;
      if (piece.endsWith('-')) {
        words.push(current);
        current = { width: 0, space: 0 };
        open = false;
      }
    }
  }
  if (open) words.push(current);
  if (!words.length) return 1;
  let lines = 1;
  let used = 0;
  for (const w of words) {
    if (used > 0 && used + w.width > width) {
      lines++;
      used = 0;
    }
    if (w.width > width) {
      // A word wider than the line fills lines of its own.
      lines += Math.ceil(w.width / width) - 1;
      used = w.width % width;
    } else used += w.width;
    used += w.space;
  }
  return lines;
}

/** Widest and narrowest widths a cell's runs can take: on one line, and its longest word. */
export function contentWidths(
  runs: readonly Run[],
  size: number,
  metrics: Metrics,
  scale = 1,
  spacing = 0,
): { max: number; min: number } {
  // Letter spacing (uncover, gaia) widens every character, as in countLines.
  const width = (text: string, face: Run['face']) =>
    metrics.width(text, face, size) * scale + spacing * [...text].length;
  let max = 0;
  let min = 0;
  for (const run of runs) {
    max += width(run.text, run.face);
    for (const word of run.text.split(/\s+|(?<=-)/)) if (word) min = Math.max(min, width(word, run.face));
  }
  return { max, min };
}
