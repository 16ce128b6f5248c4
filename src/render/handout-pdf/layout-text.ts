import { plainText, type Align, type Inline } from './blocks.js';
import { structNode, type Box, type FontKey, type Item, type Slice, type StructNode } from './flow.js';
import { formulaItem, formulaRun, lineBox, type Formulas } from './layout-math.js';
import { breakLines, withFallbacks, type Line, type Run } from './line-break.js';
import type { Metrics } from '../../fonts/metrics.js';
import type { Hyphenator } from '../../typeset/hyphenation.js';
import type { Style } from './style.js';

/** Shared by every layout step of one handout. */
export interface Ctx {
  style: Style;
  metrics: Metrics;
  /** Pixel sizes of the images the Markdown may use, by URL. */
  images: ReadonlyMap<string, { width: number; height: number }>;
  /** The handout's formulas, typeset. */
  formulas: Formulas;
  /** Characters no font has, with how often they occur. */
  missing: Map<string, number>;
  notes: Set<string>;
  nextId: () => number;
  /** The handout's language: labels come from the string table in it. */
  lang: string;
  /** Splits words at line ends in body text (the audience's `hyphenate`, the language's patterns). */
  hyphenate: Hyphenator | null;
  /** Splits a word wider than the line, in any text (see BreakOptions). */
  overlong: Hyphenator | null;
}

/** Where a block goes: a column of the page and the structure element it belongs to. */
export interface Frame {
  x: number;
  width: number;
  parent: StructNode;
  boxes: Box[];
  listLevel: number;
  inList: boolean;
  /** Inside a section kind's container: its lists and headings are set for it. */
  callout?: import('../../content/schema.js').SectionKind;
}

export interface TextStyle {
  size: number;
  lineHeight: number;
  color: string;
  bold?: boolean;
  align?: Align;
  /** false: never split a word (headings, the title block); default: as the handout does. */
  hyphenate?: boolean;
}

/** Inline Markdown → runs in the handout's fonts; each link gets its own Link node under `parent`. */
export function runsOf(inlines: readonly Inline[], ts: TextStyle, ctx: Ctx, parent: StructNode): Run[] {
  const links = new Map<number, StructNode>();
  const spans = new Map<number, StructNode>();
  const runs: Run[] = [];
  for (const i of inlines) {
    if (i.break) {
      runs.push({ text: '', break: true, font: 'regular', size: ts.size, color: ts.color });
      continue;
    }
    const formula = i.math ? formulaRun(i.text, ts.size, ts.color, ctx.formulas, parent) : null;
    if (formula) {
      runs.push(formula);
      continue;
    }
    const bold = ts.bold || i.bold;
    const font: FontKey = i.code
      ? bold
        ? 'monoBold'
        : 'mono'
      : bold
        ? i.italic
          ? 'boldItalic'
          : 'bold'
        : i.italic
          ? 'italic'
          : 'regular';
    const run: Run = { text: i.text, font, size: i.code ? ts.size * 0.92 : ts.size, color: ts.color };
    // Text in another language (a translation's fallback to its source): a Span with its /Lang.
    if (i.lang && i.langId !== undefined && !i.link) {
      let span = spans.get(i.langId);
      if (!span) spans.set(i.langId, (span = structNode('Span', parent, { lang: i.lang })));
      run.node = span;
    }
    if (i.link && i.linkId !== undefined) {
      let node = links.get(i.linkId);
      if (!node) {
        const text = plainText(inlines.filter((x) => x.linkId === i.linkId));
        node = structNode('Link', parent, { alt: text === i.link ? text : `${text} (${i.link})` });
        links.set(i.linkId, node);
      }
      Object.assign(run, { node, link: i.link, color: ctx.style.link.color });
    }
    runs.push(run);
  }
  return withFallbacks(runs, ctx.metrics, ctx.missing);
}

/** Where the baseline sits in a line box: half the leading above, half below (CSS's model). */
export function baselineIn(lineHeight: number, size: number, metrics: Metrics, font: FontKey = 'regular'): number {
  const asc = metrics.ascent(font) * size;
  const desc = metrics.descent(font) * size;
  return (lineHeight - asc - desc) / 2 + asc;
}

export function lineItems(line: Line, x: number, baseline: number, node: StructNode | null): Item[] {
  return line.fragments.map((f) =>
    f.run.formula ? formulaItem(f, x, baseline, node) : textItem(f, x, baseline, node),
  );
}

function textItem(f: Line['fragments'][number], x: number, baseline: number, node: StructNode | null): Item {
  return {
    kind: 'text' as const,
    x: x + f.x,
    y: baseline,
    text: f.text,
    font: f.run.font,
    size: f.run.size,
    color: f.run.color,
    width: f.width,
    // The hyphen of a split word is drawn as an artifact: copied or read aloud, the word is whole.
    node: node === null || f.hyphen ? null : (f.run.node ?? node),
    ...(f.run.link && !f.hyphen ? { link: f.run.link } : {}),
  };
}

/** One slice per line. */
export function textSlices(
  inlines: readonly Inline[],
  ts: TextStyle,
  frame: Frame,
  node: StructNode,
  ctx: Ctx,
): Slice[] {
  const hyphenate = ts.hyphenate === false ? null : ctx.hyphenate;
  const lines = breakLines(runsOf(inlines, ts, ctx, node), frame.width, ctx.metrics, {
    hyphenate,
    overlong: ctx.overlong,
  });
  const lh = ts.size * ts.lineHeight;
  const baseline = baselineIn(lh, ts.size, ctx.metrics);
  return lines.map((line) => {
    const shift =
      ts.align === 'center' ? (frame.width - line.width) / 2 : ts.align === 'right' ? frame.width - line.width : 0;
    const box = lineBox(line, lh, baseline);
    const slice: Slice = {
      height: box.height,
      spaceBefore: 0,
      items: lineItems(line, frame.x + shift, box.baseline, node),
    };
    // A word is never split across two pages: the page cannot end after its first half.
    if (line.fragments.at(-1)?.hyphen) slice.keepWithNext = true;
    return slice;
  });
}

/**
 * Widow and orphan control: a break may not leave fewer than `orphans` lines of a paragraph at the
 * bottom of a page or fewer than `widows` at the top. Paragraphs of up to orphans + widows - 1 lines
 * never break.
 */
export function keepLines(slices: Slice[], orphans: number, widows: number): Slice[] {
  const n = slices.length;
  for (let i = 0; i < n - 1; i++) if (i < orphans - 1 || i >= n - widows) slices[i]!.keepWithNext = true;
  return slices;
}

export function keepAll(slices: Slice[]): Slice[] {
  for (const s of slices) s.keepWithNext = true;
  return slices;
}
