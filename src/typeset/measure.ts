import type { Metrics } from '../fonts/metrics.js';
import { inlineRuns } from './runs.js';
import { contentWidths, countLines } from './wrap.js';

/** A text style in CSS px: font size, line height, and the width scale of a font other than DejaVu. */
export interface TextStyle {
  size: number;
  lineHeight: number;
  bold?: boolean;
  scale: number;
  /** CSS letter-spacing in px. */
  spacing?: number;
}

export interface TableStyle extends TextStyle {
  padX: number;
  padY: number;
  /** Border height each row adds. */
  rule: number;
}

/** Height of inline Markdown (lines separated by hard breaks or newlines) set at `width`. */
export function textHeight(markdown: string, width: number, style: TextStyle, metrics: Metrics): number {
  const lines = markdown
    .split(/\n|<br\s*\/?>/i)
    .map((line) => line.trim())
    .reduce(
      (n, line) => n + countLines(inlineRuns(line, style.bold), width, style.size, metrics, style.scale, style.spacing),
      0,
    );
  return Math.max(1, lines) * style.lineHeight;
}

/**
 * Row heights of a table (header row first) laid out as a browser's automatic table layout does:
 * every column its one-line width when they all fit, else its longest word plus a share of the rest
 * in proportion to how much wider it would like to be.
 */
export function tableRowHeights(
  rows: readonly string[][],
  width: number,
  style: TableStyle,
  metrics: Metrics,
): number[] {
  const cols = Math.max(...rows.map((r) => r.length));
  const max = new Array<number>(cols).fill(0);
  const min = new Array<number>(cols).fill(0);
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const w = contentWidths(inlineRuns(cell, r === 0 || style.bold), style.size, metrics, style.scale, style.spacing);
      max[c] = Math.max(max[c]!, w.max + 2 * style.padX);
      min[c] = Math.max(min[c]!, w.min + 2 * style.padX);
    }),
  );
  const sumMax = max.reduce((a, b) => a + b, 0);
  const sumMin = min.reduce((a, b) => a + b, 0);
  const widths =
    sumMax <= width
      ? max
      : max.map((m, c) => min[c]! + ((m - min[c]!) * Math.max(0, width - sumMin)) / Math.max(1, sumMax - sumMin));
  return rows.map(
    (row, r) =>
      Math.max(
        ...row.map((cell, c) =>
          textHeight(
            cell,
            Math.max(1, widths[c]! - 2 * style.padX),
            { ...style, bold: r === 0 || style.bold },
            metrics,
          ),
        ),
        style.lineHeight,
      ) +
      2 * style.padY +
      style.rule,
  );
}
