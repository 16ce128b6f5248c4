import type { Metrics } from '../../fonts/metrics.js';
import { cssColour } from '../../themes/css-colour.js';
import type { ThemePalette } from '../../themes/palette.js';
import type { Slide } from '../deck/model.js';
import { plainText, type Block, type Inline } from './blocks.js';
import { structNode, type Box, type Item, type Slice, type StructNode } from './flow.js';
import { layoutColumn } from './layout.js';
import type { Formulas } from './layout-math.js';
import { slideStyle, type SlideColours } from './slide-style.js';

// One slide drawn as vectors: its blocks (the deck model's, the same as slides.html shows) set by the handout
// typesetter at the theme's sizes scaled to the frame, on the slide's background, with its header, footer and
// page number. Pure: the items come back positioned on the page; drawing is draw.ts's job. The whole slide is
// one Figure whose alt text is its title and points; its text stays real text and its links stay links.

export interface MiniatureInput {
  slide: Slide;
  palette: ThemePalette;
  /** Where the theme puts the content: vertically centred (Marp's default, uncover) or from the top (gaia). */
  placement: { middle: boolean; centred: boolean };
  /** The deck's slide size in CSS px. */
  deck: { width: number; height: number };
  /** The frame on the page, in points (its height follows from the deck's proportions). */
  x: number;
  y: number;
  width: number;
  metrics: Metrics;
  /** Natural pixel sizes of the topic's images, by URL. */
  images: ReadonlyMap<string, { width: number; height: number }>;
  formulas: Formulas;
  /** The Figure's parent in the structure tree, and its alt text. */
  parent: StructNode;
  alt: string;
  /**
   * `figure` (default): the slide is one Figure with `alt` (a miniature on a printout). `content`: its headings,
   * paragraphs and lists are tagged as such under `parent`, furniture is an artifact (a drawn slides.pdf page).
   */
  tagAs?: 'figure' | 'content';
}

export interface Miniature {
  items: Item[];
  height: number;
  figure: StructNode;
  /** The body text size as printed, in points (after any shrinking to fit). */
  bodySize: number;
  missing: Map<string, number>;
  notes: string[];
}

export function layoutMiniature(input: MiniatureInput): Miniature {
  const { slide, palette: p, deck } = input;
  const k = input.width / deck.width;
  const height = deck.height * k;
  const colours = slideColours(slide, p);
  const items: Item[] = [{ kind: 'rect', x: input.x, y: input.y, width: input.width, height, fill: colours.bg }];
  const asContent = input.tagAs === 'content';
  const figure = structNode('Figure', input.parent, { alt: input.alt });
  const tag = (item: Item) => (asContent ? [item] : retag(item, figure));

  // Background images: behind the content, or in their side of a split slide (Marp's `bg left/right:N%`).
  let area = { x: 0, w: deck.width };
  if (slide.split) {
    const w = deck.width * slide.split.fraction;
    area = slide.split.side === 'left' ? { x: w, w: deck.width - w } : { x: 0, w: deck.width - w };
  }
  const bgArea = slide.split
    ? {
        x: slide.split.side === 'left' ? 0 : deck.width - deck.width * slide.split.fraction,
        w: deck.width * slide.split.fraction,
      }
    : { x: 0, w: deck.width };
  slide.backgrounds.forEach((b, i) => {
    const size = input.images.get(b.url);
    if (!size) return;
    const n = slide.backgrounds.length;
    const vertical = slide.backgroundDirection === 'vertical';
    const cell = vertical
      ? { x: bgArea.x, y: (deck.height * i) / n, w: bgArea.w, h: deck.height / n }
      : { x: bgArea.x + (bgArea.w * i) / n, y: 0, w: bgArea.w / n, h: deck.height };
    // Contained, not cropped: a miniature has no clipping, and a whole picture says more than a cut one.
    const scale = Math.min(cell.w / size.width, cell.h / size.height, b.size === 'auto' ? 1 : Infinity);
    const w = size.width * scale;
    const h = size.height * scale;
    items.push({
      kind: 'image',
      x: input.x + (cell.x + (cell.w - w) / 2) * k,
      y: input.y + (cell.y + (cell.h - h) / 2) * k,
      width: w * k,
      height: h * k,
      url: b.url,
      node: asContent ? (b.alt ? structNode('Figure', input.parent, { alt: b.alt }) : null) : figure,
    });
  });

  const [top, right, bottom, left] = p.padding;
  const box = {
    x: input.x + (area.x + left) * k,
    width: (area.w - left - right) * k,
    height: (deck.height - top - bottom) * k,
  };
  const blocks = slide.blocks;
  const missing = new Map<string, number>();
  const notes: string[] = [];
  let shrink = 1;
  const parent = asContent ? input.parent : figure;
  let set = setBlocks(blocks, p, k, colours, box, input, parent);
  // The deck was split so its slides fit; a miniature that still overflows shrinks its text (never cut off).
  while (set.height > box.height && shrink > 0.55) {
    shrink = Math.round((shrink - 0.08) * 100) / 100;
    set = setBlocks(blocks, p, k * shrink, colours, box, input, parent);
  }
  merge(missing, set.missing);
  notes.push(...set.notes);
  let y = input.y + top * k + (input.placement.middle ? Math.max(0, (box.height - set.height) / 2) : 0);
  const placed: { slice: Slice; top: number }[] = [];
  set.slices.forEach((s, i) => {
    if (i > 0) y += s.spaceBefore;
    placed.push({ slice: s, top: y });
    y += s.height;
  });
  items.push(...boxRects(placed));
  const centred = input.placement.centred || slide.classes.includes('lead');
  for (const { slice, top: t } of placed) {
    const shift = centred ? centreShift(slice, box.x, box.width) : 0;
    for (const item of slice.items) items.push(...tag(moved(item, shift, t)));
  }

  // Header top left, footer bottom left, page number bottom right: Marp's positions, in the small size.
  const small = (inlines: Inline[], where: 'header' | 'footer' | 'number') => {
    const style = slideStyle(
      { ...p, sizes: { ...p.sizes, body: p.sizes.small } },
      k,
      { ...colours, text: colours.muted },
      box,
    );
    const laid = layoutColumn({
      blocks: [{ kind: 'paragraph', inlines }],
      style,
      metrics: input.metrics,
      images: new Map(),
      formulas: input.formulas,
      x: input.x + left * k,
      width: (deck.width - left - right) * k,
    });
    merge(missing, laid.missing);
    const line = laid.slices[0];
    if (!line) return;
    const lineTop = where === 'header' ? input.y + top * 0.3 * k : input.y + height - bottom * 0.3 * k - line.height;
    const shift = where === 'number' ? rightShift(line, input.x + (deck.width - right) * k) : 0;
    for (const item of line.items)
      items.push(...(asContent ? [artifact(moved(item, shift, lineTop))] : retag(moved(item, shift, lineTop), figure)));
  };
  if (slide.header) small(slide.header, 'header');
  if (slide.footer) small(slide.footer, 'footer');
  if (slide.page !== null) small([{ text: String(slide.page) }], 'number');
  return { items, height, figure, bodySize: p.sizes.body * k * shrink, missing, notes };
}

/** The alt text of a slide's Figure: its label and title, then its points (each list item, paragraph). */
export function slidePoints(slide: Slide): string[] {
  const out: string[] = [];
  const walk = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.kind === 'paragraph' || (b.kind === 'heading' && plainText(b.inlines) !== slide.title))
        out.push(plainText(b.inlines));
      else if (b.kind === 'list') b.items.forEach(walk);
      else if (b.kind === 'quote') walk(b.blocks);
      else if (b.kind === 'image' && b.alt) out.push(b.alt);
      else if (b.kind === 'math') out.push(b.tex);
    }
  };
  walk(slide.blocks);
  for (const b of slide.backgrounds) if (b.alt) out.push(b.alt);
  return out.filter(Boolean);
}

// --- internal ---

function setBlocks(
  blocks: Block[],
  p: ThemePalette,
  k: number,
  colours: SlideColours,
  box: { x: number; width: number; height: number },
  input: MiniatureInput,
  root: StructNode,
) {
  // Images at their Marp size (w:/h: keywords, else natural, never wider than the content), in points: the
  // typesetter counts an image pixel as 0.75 pt, so the sizes it gets are pre-scaled by k / 0.75.
  const images = new Map<string, { width: number; height: number }>();
  const walk = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.kind === 'image') {
        const n = input.images.get(b.url);
        if (!n) continue;
        const px = (v: string | undefined) => (v && /^\d*\.?\d+px$/.test(v) ? Number(v.slice(0, -2)) : null);
        let w = px(b.width);
        let h = px(b.height);
        if (w === null && h === null) w = n.width;
        if (w === null) w = (h! * n.width) / n.height;
        if (h === null) h = (w * n.height) / n.width;
        images.set(b.url, { width: (w * k) / 0.75, height: (h * k) / 0.75 });
      } else if (b.kind === 'list') b.items.forEach(walk);
      else if (b.kind === 'quote') walk(b.blocks);
    }
  };
  walk(blocks);
  const style = slideStyle(p, k, colours, { width: box.width, height: box.height / 0.6 });
  const laid = layoutColumn({
    root,
    blocks,
    style,
    metrics: input.metrics,
    images,
    formulas: input.formulas,
    x: box.x,
    width: box.width,
  });
  const height = laid.slices.reduce((sum, s, i) => sum + (i > 0 ? s.spaceBefore : 0) + s.height, 0);
  return { slices: laid.slices, height, missing: laid.missing, notes: laid.notes };
}

/** The slide's colours after its class (`lead`, `invert`) and its `color` / `backgroundColor` directives. */
function slideColours(slide: Slide, p: ThemePalette): SlideColours & { bg: string } {
  const lead = slide.classes.includes('lead') || slide.classes.includes('title');
  const invert = slide.classes.includes('invert');
  let bg = lead ? p.lead.background : p.background;
  let text = lead ? p.lead.text : p.text;
  let heading = lead ? p.lead.text : p.heading;
  if (invert) [bg, text, heading] = [text, bg, bg];
  bg = cssColour(slide.backgroundColor ?? undefined) ?? bg;
  const own = cssColour(slide.color ?? undefined);
  if (own) [text, heading] = [own, own];
  return {
    bg,
    text,
    heading,
    // On an inverted slide or a coloured lead slide the theme's link colour would not show: links take the text's.
    link: invert || (lead && p.lead.background !== p.background) ? text : p.link,
    muted: mix(text, bg, 0.35),
    accent: p.accent,
    tint: mix(bg, text, 0.1),
    stripe: mix(bg, text, 0.05),
  };
}

function mix(a: string, b: string, t: number): string {
  const pa = parseInt(a.slice(1), 16);
  const pb = parseInt(b.slice(1), 16);
  const ch = (s: number) => Math.round(((pa >> s) & 255) * (1 - t) + ((pb >> s) & 255) * t);
  return `#${((ch(16) << 16) | (ch(8) << 8) | ch(0)).toString(16).padStart(6, '0')}`;
}

function merge(into: Map<string, number>, from: ReadonlyMap<string, number>): void {
  for (const [ch, n] of from) into.set(ch, (into.get(ch) ?? 0) + n);
}

/** Shaded boxes (quotes, code) behind the slices that hold them. */
function boxRects(placed: { slice: Slice; top: number }[]): Item[] {
  const extents = new Map<number, { box: Box; top: number; bottom: number }>();
  for (const { slice, top } of placed)
    for (const box of slice.boxes ?? []) {
      const e = extents.get(box.id);
      if (e) e.bottom = Math.max(e.bottom, top + slice.height);
      else extents.set(box.id, { box, top, bottom: top + slice.height });
    }
  return [...extents.values()].flatMap(({ box, top, bottom }) => [
    { kind: 'rect' as const, x: box.x, y: top, width: box.width, height: bottom - top, fill: box.fill },
    ...(box.bar
      ? [{ kind: 'rect' as const, x: box.x, y: top, width: box.bar.width, height: bottom - top, fill: box.bar.color }]
      : []),
  ]);
}

function extent(slice: Slice): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of slice.items)
    if (i.kind === 'text' || i.kind === 'formula' || i.kind === 'image') {
      lo = Math.min(lo, i.x);
      hi = Math.max(hi, i.x + i.width);
    }
  return lo <= hi ? [lo, hi] : null;
}

function centreShift(slice: Slice, x: number, width: number): number {
  const e = extent(slice);
  return e ? x + width / 2 - (e[0] + e[1]) / 2 : 0;
}

function rightShift(slice: Slice, right: number): number {
  const e = extent(slice);
  return e ? right - e[1] : 0;
}

function moved(item: Item, dx: number, dy: number): Item {
  switch (item.kind) {
    case 'line':
      return { ...item, x1: item.x1 + dx, x2: item.x2 + dx, y1: item.y1 + dy, y2: item.y2 + dy };
    case 'node':
      return item;
    default:
      return { ...item, x: item.x + dx, y: item.y + dy };
  }
}

/** Slide furniture (header, footer, page number) on a drawn slides.pdf page. */
function artifact(item: Item): Item {
  return item.kind === 'text' || item.kind === 'formula' || item.kind === 'image' ? { ...item, node: null } : item;
}

/** Everything in the slide belongs to its Figure; links stay Link elements (inside it), so they stay clickable. */
function retag(item: Item, figure: StructNode): Item[] {
  if (item.kind === 'node') return [];
  if (item.kind !== 'text' && item.kind !== 'formula' && item.kind !== 'image') return [item];
  if (!item.node) return [item];
  if (item.node.type === 'Link') {
    item.node.parent = figure;
    return [item];
  }
  return [{ ...item, node: figure }];
}
