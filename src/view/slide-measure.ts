import type { Metrics } from '../fonts/metrics.js';
import { DECK_LAYOUT as L } from '../themes/deckhand-layout.js';
import { themePalette } from '../themes/palette.js';
import { tableRowHeights, textHeight, type TableStyle, type TextStyle } from '../typeset/measure.js';

/**
 * The room on a slide and the box model of its theme, in CSS px, for measuring slide content with
 * the font's real metrics (src/typeset). The deckhand themes' numbers come from the same palette and
 * layout their CSS is written from; Marp's `default`, `gaia` and `uncover` were read off their CSS in
 * Chromium (computed styles of a rendered slide). Those three name system fonts (see SYSTEM_SANS).
 */
export interface SlideBox {
  /** The slide's content box: width and height inside the padding. */
  width: number;
  height: number;
  /** Slide width, for layouts that take a share of it. */
  slideWidth: number;
  padX: number;
  body: TextStyle;
  /** The slide title (h2), with what it adds below its text (rule, padding) and the gap after it. */
  title: TextStyle & { extra: number; after: number };
  heading: TextStyle;
  caption: TextStyle;
  gap: number;
  itemGap: number;
  indent: number;
  table: TableStyle;
  quote: TextStyle & { padX: number; padY: number };
  code: TextStyle & { pad: number };
}

type Base = 'deckhand' | 'default' | 'gaia' | 'uncover';

function deckhandBox(name: string, slideWidth: number): SlideBox {
  const p = themePalette(name === 'deckhand-dark' ? 'deckhand-dark' : 'deckhand');
  const [t, r, b, l] = p.padding;
  const s = p.sizes;
  const style = (size: number, lh: number, bold = false): TextStyle => ({
    size,
    lineHeight: size * lh,
    bold,
    scale: 1,
  });
  return {
    width: slideWidth - l - r,
    height: 720 - t - b,
    slideWidth,
    padX: l + r,
    body: style(s.body, p.lineHeight),
    title: { ...style(s.h2, L.headingLineHeight, true), extra: 18, after: L.titleGap },
    heading: style(s.h3, L.headingLineHeight, true),
    caption: style(s.small, 1.35),
    gap: L.blockGap,
    itemGap: L.itemGap,
    indent: L.listIndent,
    table: { ...style(L.tableSize, p.lineHeight), padX: L.cellPadX, padY: L.cellPadY, rule: L.rowRule },
    quote: { ...style(s.body, p.lineHeight), padX: 2 * L.calloutPadX + L.calloutBar, padY: 2 * L.calloutPadY },
    code: { ...style(24, 1.3), pad: 24 },
  };
}

/**
 * Marp's themes name system fonts. Chromium on Linux (Debian's, with fonts-liberation, which it
 * depends on) resolves all three to Liberation Sans (checked with CDP's getPlatformFontsForNode):
 * Arial's metrics: 0.886 of DejaVu Sans's widths, 0.840 in bold (fontkit, on a sample of slide text).
 * Measured as DejaVu at 0.9 and 0.86: a little wide, so that a measured slide never overflows.
 */
const SYSTEM_SANS = 0.9;
const SYSTEM_SANS_BOLD = 0.86;
const systemScale = (bold: boolean) => (bold ? SYSTEM_SANS_BOLD : SYSTEM_SANS);

const MARP: Record<Exclude<Base, 'deckhand'>, (w: number) => SlideBox> = {
  default: (w) => {
    const st = (size: number, lineHeight: number, bold = false): TextStyle => ({
      size,
      lineHeight,
      bold,
      scale: systemScale(bold),
    });
    return {
      width: w - 157,
      height: 720 - 157,
      slideWidth: w,
      padX: 157,
      body: st(29, 43.5),
      title: { ...st(37.7, 47.125, true), extra: 11.31, after: 16 },
      heading: st(31.9, 39.9, true),
      caption: st(29, 43.5),
      gap: 16,
      itemGap: 7.25,
      indent: 58,
      table: { ...st(29, 43.5), padX: 13, padY: 6, rule: 1 },
      quote: { ...st(29, 43.5), padX: 65, padY: 0 },
      code: { ...st(23.2, 26.7), pad: 32 },
    };
  },
  gaia: (w) => {
    // gaia spaces its letters 1.25 px; its fonts resolve to Liberation Sans, as `default`'s do.
    const st = (size: number, lineHeight: number, bold = false): TextStyle => ({
      size,
      lineHeight,
      bold,
      scale: systemScale(bold),
      spacing: 1.25,
    });
    return {
      width: w - 140,
      height: 720 - 140,
      slideWidth: w,
      padX: 140,
      body: st(35, 47.25),
      title: { ...st(52.5, 70.875, true), extra: 0, after: 35 },
      heading: st(45.5, 61.4, true),
      caption: st(35, 47.25),
      gap: 35,
      itemGap: 10.5,
      indent: 40,
      table: { ...st(35, 47.25), padX: 14, padY: 7, rule: 1 },
      quote: { ...st(35, 47.25), padX: 70, padY: 0 },
      code: { ...st(28, 33), pad: 40 },
    };
  },
  uncover: (w) => {
    // uncover spaces its letters 3 px (computed in Chromium, headings too).
    const st = (size: number, lineHeight: number, bold = false): TextStyle => ({
      size,
      lineHeight,
      bold,
      scale: systemScale(bold),
      spacing: 3,
    });
    return {
      width: w - 140,
      height: 720 - 60,
      slideWidth: w,
      padX: 140,
      body: st(40, 56),
      title: { ...st(68, 95.2, true), extra: 0, after: 30 },
      heading: st(56, 78.4, true),
      caption: st(40, 56),
      gap: 15,
      itemGap: 0,
      indent: 40,
      table: { ...st(40, 56), padX: 20, padY: 6, rule: 2 },
      quote: { ...st(36, 46.8), padX: 144, padY: 0 },
      code: { ...st(32, 38), pad: 40 },
    };
  },
};

/** The box of a theme (built-in, or custom: `css` is its stylesheet, measured as the built-in it imports). */
export function slideBox(theme: string, size: '16:9' | '4:3', css?: string): SlideBox {
  const base: Base = /^deckhand(-dark)?$/.test(theme)
    ? 'deckhand'
    : theme in MARP
      ? (theme as Base)
      : ((/@import\s+["'](deckhand|deckhand-dark|gaia|uncover|default)["']/
          .exec(css ?? '')?.[1]
          ?.replace('-dark', '') as Base | undefined) ?? 'default');
  const w = size === '4:3' ? 960 : 1280;
  return base === 'deckhand' ? deckhandBox(theme, w) : MARP[base](w);
}

/** A measurable piece of slide content (see slide-plan.ts for how sections become these). */
export type Element =
  | { kind: 'list'; items: string[] }
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'code'; lines: number }
  | { kind: 'quote'; text: string }
  | { kind: 'image'; height: number }
  | { kind: 'other'; height: number };

/** Height of elements stacked on a slide at `width`, the gaps between them included. */
export function stackHeight(elements: readonly Element[], width: number, box: SlideBox, m: Metrics): number {
  let total = 0;
  elements.forEach((e, i) => {
    total += (i ? box.gap : 0) + elementHeight(e, width, box, m);
  });
  return total;
}

const cache = new Map<string, number>();

function elementHeight(e: Element, width: number, box: SlideBox, m: Metrics): number {
  const style = `${box.body.size}|${box.body.scale}|${box.body.spacing ?? 0}|${box.table.size}`;
  const key = `${width}|${style}|${JSON.stringify(e)}`;
  let h = cache.get(key);
  if (h !== undefined) return h;
  switch (e.kind) {
    case 'list':
      h =
        e.items.reduce((n, item) => n + textHeight(item, width - box.indent, box.body, m), 0) +
        box.itemGap * (e.items.length - 1);
      break;
    case 'paragraph':
      h = textHeight(e.text, width, box.body, m);
      break;
    case 'heading':
      h = textHeight(e.text, width, box.heading, m);
      break;
    case 'table':
      h = tableRowHeights(e.rows, width, box.table, m).reduce((a, b) => a + b, 0);
      break;
    case 'code':
      h = e.lines * box.code.lineHeight + box.code.pad;
      break;
    case 'quote':
      h = textHeight(e.text, width - box.quote.padX, box.quote, m) + box.quote.padY;
      break;
    default:
      h = e.height;
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(key, h);
  return h;
}

/** Height of a slide title set at `width`. */
export function titleHeight(title: string, width: number, box: SlideBox, m: Metrics): number {
  return textHeight(title, width, box.title, m) + box.title.extra + box.title.after;
}
