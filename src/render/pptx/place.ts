import type { Block } from '../deck/model.js';
import { plainText } from '../handout-pdf/blocks.js';
import type { Rect } from './layouts.js';
import type { Look } from './look.js';
import { columnWidths, rowHeights } from './table.js';

// Where a slide's content goes: text runs into the body placeholder (further text after a table or picture
// into text boxes), tables and pictures between them in reading order. Heights of text are estimated from
// character counts (the deck was already split so that its content fits at the theme's sizes; PowerPoint's
// autofit shrinks what an edit makes overflow); pictures and tables give way when the slide is full.

export type Segment =
  | { kind: 'text'; blocks: Block[] }
  | { kind: 'table'; block: Extract<Block, { kind: 'table' }> }
  | { kind: 'image'; block: Extract<Block, { kind: 'image' }>; natural: { w: number; h: number } | null }
  /** A display formula typeset as a picture, `natural` px at the body size. */
  | { kind: 'math'; block: Extract<Block, { kind: 'math' }>; natural: { w: number; h: number } };

export interface PlacedSegment {
  segment: Segment;
  rect: Rect;
  /** A table's font size, column widths and row heights (px). */
  table?: { size: number; widths: number[]; heights: number[] };
  /** Caption box under a picture. */
  caption?: Rect;
}

export function segments(
  blocks: readonly Block[],
  natural: (url: string) => { w: number; h: number } | null,
  formula: (tex: string) => { w: number; h: number } | null = () => null,
): Segment[] {
  const out: Segment[] = [];
  for (const b of blocks) {
    const f = b.kind === 'math' ? formula(b.tex) : null;
    if (b.kind === 'table') out.push({ kind: 'table', block: b });
    else if (b.kind === 'image') out.push({ kind: 'image', block: b, natural: natural(b.url) });
    else if (b.kind === 'math' && f) out.push({ kind: 'math', block: b, natural: f });
    else {
      const last = out[out.length - 1];
      if (last?.kind === 'text') last.blocks.push(b);
      else out.push({ kind: 'text', blocks: [b] });
    }
  }
  return out;
}

/** Estimated height (px) of blocks set in a box `width` px wide. */
export function textHeight(blocks: readonly Block[], width: number, look: Look, indent = 0, scale = 1): number {
  const body = look.palette.sizes.body * scale;
  const h3 = look.palette.sizes.h3 * scale;
  const lh = look.palette.lineHeight;
  const lines = (chars: number, size: number) =>
    Math.max(1, Math.ceil((chars * size * 0.55) / Math.max(40, width - indent - body * 1.1)));
  let h = 0;
  for (const b of blocks) {
    const gap = body * 0.35;
    switch (b.kind) {
      case 'heading':
        h += lines(plainText(b.inlines).length, h3) * h3 * 1.2 + gap;
        break;
      case 'paragraph':
        h += lines(plainText(b.inlines).length, body) * body * lh + gap;
        break;
      case 'list':
        for (const item of b.items) h += textHeight(item, width, look, indent + body * 1.1, scale);
        break;
      case 'quote':
        h += textHeight(b.blocks, width, look, indent + body * 1.1, scale);
        break;
      case 'code':
        h += b.text.split('\n').length * body * 0.8 * lh + gap;
        break;
      case 'math':
        h += body * lh * 1.5 + gap;
        break;
      case 'definitions':
        for (const i of b.items)
          h += body * lh + i.definitions.reduce((s, d) => s + textHeight(d, width, look, indent + body, scale), 0);
        break;
      case 'table':
        h += (b.rows.length + 1) * body * lh;
        break;
      default:
        break;
    }
  }
  return h;
}

const px = (v: string | undefined): number | null => (v && /^\d*\.?\d+px$/.test(v) ? Number(v.slice(0, -2)) : null);

export function placeSegments(list: readonly Segment[], area: Rect, look: Look): PlacedSegment[] {
  const { body, small } = look.palette.sizes;
  const gap = Math.round(body * 0.5);
  const captionH = Math.round(body * 0.8 * look.palette.lineHeight + 4);
  const wants = list.map((s) => {
    if (s.kind === 'text') return { h: textHeight(s.blocks, area.w, look), flexible: false };
    if (s.kind === 'table') {
      const widths = columnWidths(s.block, area.w);
      return {
        h: rowHeights(s.block, widths, body, look.palette.lineHeight).reduce((a, b) => a + b, 0),
        flexible: true,
      };
    }
    if (s.kind === 'math') {
      // Never larger than typeset (a formula is text-sized); smaller when it is wider than the slide.
      const k = Math.min(1, area.w / s.natural.w);
      return { h: s.natural.h * k, w: s.natural.w * k, flexible: true, cap: 0 };
    }
    const cap = s.block.caption ? captionH : 0;
    const n = s.natural ?? { w: 4, h: 3 };
    let w = px(s.block.width) ?? null;
    let h = px(s.block.height) ?? null;
    if (w === null && h === null) {
      w = Math.min(area.w, n.w);
      h = (w * n.h) / n.w;
    } else if (w === null) w = (h! * n.w) / n.h;
    else if (h === null) h = (w * n.h) / n.w;
    const k = Math.min(1, area.w / w!);
    return { h: h! * k + cap, w: w! * k, flexible: true, cap };
  });
  const fixed = wants.filter((w) => !w.flexible).reduce((a, w) => a + w.h, 0);
  const flexible = wants.filter((w) => w.flexible).reduce((a, w) => a + w.h, 0);
  const room = area.h - gap * Math.max(0, list.length - 1) - fixed;
  const scale = flexible > 0 ? Math.max(0.3, Math.min(1, room / flexible)) : 1;
  let y = area.y;
  return list.map((s, i) => {
    const want = wants[i]!;
    const last = i === list.length - 1;
    let placed: PlacedSegment;
    if (s.kind === 'text') {
      const h = last ? Math.max(want.h, area.y + area.h - y) : want.h;
      placed = { segment: s, rect: { x: area.x, y, w: area.w, h } };
      y += want.h + gap;
    } else if (s.kind === 'table') {
      const size = Math.max(small, body * Math.sqrt(scale));
      const widths = columnWidths(s.block, area.w);
      const heights = rowHeights(s.block, widths, size, look.palette.lineHeight);
      const h = heights.reduce((a, b) => a + b, 0);
      placed = { segment: s, rect: { x: area.x, y, w: area.w, h }, table: { size, widths, heights } };
      y += h + gap;
    } else {
      const cap = (want as { cap: number }).cap;
      const h = (want.h - cap) * scale;
      const w = (want as { w: number }).w * scale;
      placed = { segment: s, rect: { x: area.x + (area.w - w) / 2, y, w, h } };
      if (cap && s.kind === 'image') placed.caption = { x: area.x, y: y + h, w: area.w, h: cap };
      y += h + cap + gap;
    }
    return placed;
  });
}

/**
 * The font scale PowerPoint's "shrink text on overflow" would store for text of estimated height
 * `height(scale)` in `room` px (1 when it fits), as `<a:normAutofit fontScale>` wants it.
 */
export function fitScale(height: (scale: number) => number, room: number): number {
  for (let s = 1; s > 0.5; s = Math.round((s - 0.05) * 100) / 100) if (height(s) <= room) return s;
  return 0.5;
}

/** Estimated height of a title of `chars` characters at `size` px in `width` px. */
export function titleHeight(chars: number, size: number, width: number): number {
  return Math.max(1, Math.ceil((chars * size * 0.58) / Math.max(40, width))) * size * 1.1;
}

export const autofit = (scale: number) =>
  scale < 1
    ? `<a:normAutofit fontScale="${Math.round(scale * 100000)}" lnSpcReduction="${scale < 0.8 ? 20000 : 10000}"/>`
    : '<a:normAutofit/>';
