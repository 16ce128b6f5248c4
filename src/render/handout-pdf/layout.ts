import { plainText, type Block, type Inline } from './blocks.js';
import { structNode, type Slice, type StructNode } from './flow.js';
import type { HandoutMeta } from './front-matter.js';
import { codeSlices, definitionSlices, listSlices, quoteSlices, ruleSlice } from './layout-containers.js';
import { tableSlices } from './layout-table.js';
import { calloutSlices } from './layout-callout.js';
import { qrSlices } from './layout-qr.js';
import { label } from '../../strings/label.js';
import { mathAsSource } from '../../math/dollars.js';
import { displaySlices, inlinesWithMath, runsWithMath, type Formulas } from './layout-math.js';
import { keepAll, keepLines, lineItems, textSlices, type Ctx, type Frame } from './layout-text.js';
import { breakLines, withFallbacks } from './line-break.js';
import type { Metrics } from '../../fonts/metrics.js';
import type { Hyphenator } from '../../typeset/hyphenation.js';
import type { Style } from './style.js';

export interface LayoutInput {
  blocks: Block[];
  meta: HandoutMeta;
  style: Style;
  metrics: Metrics;
  /** Pixel sizes of the images the Markdown may use, by URL. */
  images: ReadonlyMap<string, { width: number; height: number }>;
  /** Every formula of the handout (title and header included), typeset. */
  formulas?: Formulas;
  /** Language of the handout's labels (default en). */
  lang?: string;
  /** Split words at line ends in body text (default: never). */
  hyphenate?: Hyphenator | null;
  /** Split points for words wider than a line (default: none; they are cut between letters). */
  overlong?: Hyphenator | null;
}

export interface Layout {
  /** The structure tree's root (Document); every content item points into it. */
  root: StructNode;
  slices: Slice[];
  /** Characters no font has, with their counts. */
  missing: Map<string, number>;
  /** Problems worth a warning (an image that is not there). */
  notes: string[];
}

/** What every layout of one document shares: its style, metrics, images and formulas, and what it noticed. */
function layoutContext(
  input: Pick<LayoutInput, 'style' | 'metrics' | 'images' | 'formulas' | 'lang' | 'hyphenate' | 'overlong'>,
): Ctx {
  let id = 0;
  return {
    style: input.style,
    metrics: input.metrics,
    images: input.images,
    formulas: input.formulas ?? new Map(),
    missing: new Map(),
    notes: new Set(),
    nextId: () => ++id,
    lang: input.lang ?? 'en',
    hyphenate: input.hyphenate ?? null,
    overlong: input.overlong ?? input.hyphenate ?? null,
  };
}

/** Blocks → slices: measures and breaks lines; pagination is the next, separate step. Pure. */
export function layoutHandout(input: LayoutInput): Layout {
  const ctx = layoutContext(input);
  const root = structNode('Document', null);
  const frame: Frame = {
    x: input.style.content.x,
    width: input.style.content.width,
    parent: root,
    boxes: [],
    listLevel: 0,
    inList: false,
  };
  const title = titleBlock(input.meta, frame, ctx);
  const body = layoutBlocks(input.blocks, frame, ctx);
  if (title.length && body[0]) body[0].spaceBefore = input.style.body.paragraphSpace;
  const review = reviewLine(input.meta, frame, ctx);
  if (review[0] && body.length) review[0].spaceBefore = input.style.body.paragraphSpace * 1.5;
  return { root, slices: [...title, ...body, ...review], missing: ctx.missing, notes: [...ctx.notes] };
}

/**
 * Blocks set in one column (`x`, `width`) with the given style, without a title block or pagination: what the
 * printouts put below (notes) and inside (slide miniatures) their frames. Pure, like layoutHandout.
 */
export function layoutColumn(input: {
  blocks: Block[];
  style: Style;
  metrics: Metrics;
  images: ReadonlyMap<string, { width: number; height: number }>;
  formulas?: Formulas;
  x: number;
  width: number;
  root?: StructNode;
  lang?: string;
  hyphenate?: Hyphenator | null;
  overlong?: Hyphenator | null;
}): Layout {
  const ctx = layoutContext(input);
  const root = input.root ?? structNode('Document', null);
  const frame: Frame = { x: input.x, width: input.width, parent: root, boxes: [], listLevel: 0, inList: false };
  const slices = layoutBlocks(input.blocks, frame, ctx);
  return { root, slices, missing: ctx.missing, notes: [...ctx.notes] };
}

// --- internal ---

function layoutBlocks(blocks: Block[], frame: Frame, ctx: Ctx): Slice[] {
  const out: Slice[] = [];
  let prev: Block | null = null;
  let pageBreak = false;
  for (const b of blocks) {
    if (b.kind === 'pagebreak') {
      pageBreak = out.length > 0;
      continue;
    }
    const slices = layoutBlock(b, frame, ctx);
    const first = slices[0];
    if (!first) continue;
    first.spaceBefore = prev ? spaceBetween(prev, b, frame, ctx.style) : 0;
    // A figure keeps the sentence that leads into it (the last lines of the paragraph before it).
    if (b.kind === 'image' && prev?.kind === 'paragraph' && out.length) out[out.length - 1]!.keepWithNext = true;
    // A QR code stays with the text it belongs to.
    if (b.kind === 'qr' && out.length) out[out.length - 1]!.keepWithNext = true;
    if (pageBreak) first.breakBefore = true;
    pageBreak = false;
    for (const s of slices) if (!s.boxes && frame.boxes.length) s.boxes = frame.boxes;
    out.push(...slices);
    prev = b;
  }
  return out;
}

function layoutBlock(b: Block, frame: Frame, ctx: Ctx): Slice[] {
  const inner = (blocks: Block[], f: Frame) => layoutBlocks(blocks, f, ctx);
  switch (b.kind) {
    case 'heading':
      return heading(b.inlines, b.level, frame, ctx);
    case 'paragraph':
      return paragraph(b.inlines, frame, ctx);
    case 'list':
      return listSlices(b, frame, ctx, inner);
    case 'quote':
      return quoteSlices(b.blocks, frame, ctx, inner);
    case 'callout':
      return calloutSlices(b, frame, ctx, inner);
    case 'definitions':
      return definitionSlices(b, frame, ctx, inner);
    case 'table':
      return tableSlices(b, frame, ctx);
    case 'image':
      return figure(b, frame, ctx);
    case 'code':
      return codeSlices(b.text, frame, ctx);
    case 'math':
      return displaySlices(b.tex, frame, ctx.formulas, ctx.style) ?? codeSlices(b.tex, frame, ctx);
    case 'rule':
      return [ruleSlice(frame, ctx)];
    case 'qr':
      return qrSlices(b.url, frame, ctx);
    case 'pagebreak':
      return [];
  }
}

function spaceBetween(prev: Block, b: Block, frame: Frame, style: Style): number {
  if (prev.kind === 'heading') return style.afterHeading;
  if (b.kind === 'heading') return style.headings[b.level].spaceBefore;
  if (frame.inList) return style.list.itemSpace;
  return style.body.paragraphSpace;
}

/** A heading never ends a page: all its lines keep with what follows (widow control keeps 2 lines of that). */
function heading(inlines: Inline[], level: 1 | 2 | 3 | 4, frame: Frame, ctx: Ctx): Slice[] {
  const h = ctx.style.headings[level];
  const slices = keepAll(
    textSlices(
      inlines,
      { size: h.size, lineHeight: h.lineHeight, color: h.color, bold: true, hyphenate: false },
      frame,
      structNode(`H${level}`, frame.parent),
      ctx,
    ),
  );
  if (slices[0] && !frame.inList && (frame.boxes.length === 0 || frame.callout))
    slices[0].bookmark = { title: plainText(inlines), level };
  return slices;
}

function paragraph(inlines: Inline[], frame: Frame, ctx: Ctx): Slice[] {
  const { body, orphans, widows } = ctx.style;
  const slices = textSlices(
    inlines,
    { size: body.size, lineHeight: body.lineHeight, color: body.color },
    frame,
    structNode('P', frame.parent),
    ctx,
  );
  return keepLines(slices, orphans, widows);
}

/**
 * An image scaled to fit the column and the page (at 96 dpi it is never enlarged), centred, and one
 * slice with its caption: the two always share a page. Without alt text it is decorative (an artifact).
 */
function figure(b: Extract<Block, { kind: 'image' }>, frame: Frame, ctx: Ctx): Slice[] {
  const size = ctx.images.get(b.url);
  if (!size) {
    ctx.notes.add(`image "${b.url}" is not one of the topic's images: its alt text is printed instead`);
    return paragraph([{ text: b.alt || b.url, italic: true }], frame, ctx);
  }
  const { captionSize, captionLineHeight, gap, color } = ctx.style.figure;
  const caption = b.caption
    ? textSlices(
        b.caption,
        { size: captionSize, lineHeight: captionLineHeight, color, align: 'center' },
        frame,
        structNode('Caption', frame.parent),
        ctx,
      )
    : [];
  const captionHeight = caption.reduce((sum, s) => sum + s.height, 0);
  const maxHeight = ctx.style.content.height * 0.6;
  const scale = Math.min(
    1,
    frame.width / (size.width * 0.75),
    (maxHeight - (captionHeight ? captionHeight + gap : 0)) / (size.height * 0.75),
  );
  const width = size.width * 0.75 * scale;
  const height = size.height * 0.75 * scale;
  const alt = b.alt.trim();
  const node = alt ? structNode('Figure', frame.parent, { alt }) : null;
  const build = (w: number, h: number): Slice => {
    const slice: Slice = {
      height: h,
      spaceBefore: 0,
      items: [{ kind: 'image', x: frame.x + (frame.width - w) / 2, y: 0, width: w, height: h, url: b.url, node }],
    };
    let y = h + gap;
    for (const line of caption) {
      for (const item of line.items)
        if (item.kind === 'text' || item.kind === 'formula') slice.items.push({ ...item, y: item.y + y });
      y += line.height;
    }
    if (caption.length) slice.height = y;
    return slice;
  };
  const slice = build(width, height);
  // Rather than leave a big gap at the bottom of a page, a figure may shrink to 70 % to fit there.
  const fixed = slice.height - height;
  slice.shrink = (room) => {
    const factor = (room - fixed) / height;
    return factor >= 0.7 && factor < 1 ? build(width * factor, height * factor) : null;
  };
  return [slice];
}

/**
 * "Last reviewed: 15 January 2026 · Next review due: 15 January 2028" at the end of the handout
 * (NHS's "know that a page is up to date" pattern), in the handout's language, muted and small.
 */
function reviewLine(meta: HandoutMeta, frame: Frame, ctx: Ctx): Slice[] {
  const parts = [
    meta.reviewed ? label('lastReviewed', ctx.lang, { date: longDate(meta.reviewed, ctx.lang) }) : null,
    meta.reviewBy ? label('nextReview', ctx.lang, { date: longDate(meta.reviewBy, ctx.lang) }) : null,
  ].filter((p): p is string => p !== null);
  if (!parts.length) return [];
  const { title } = ctx.style;
  return keepAll(
    textSlices(
      [{ text: parts.join(' · ') }],
      { size: title.bylineSize, lineHeight: 1.4, color: title.muted },
      frame,
      structNode('P', frame.parent),
      ctx,
    ),
  );
}

/** YYYY-MM-DD as a long date in `lang` (UTC, so the day never shifts); a tag ICU rejects falls back to en. */
function longDate(date: string, lang: string): string {
  const d = new Date(date + 'T00:00:00Z');
  if (Number.isNaN(d.getTime())) return date;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  }
}

/** The brand row above the title: the logo (a Figure with alt text) and the clinic's name beside it. */
function brandRow(meta: HandoutMeta, frame: Frame, ctx: Ctx): Slice[] {
  const size = meta.logo ? ctx.images.get(meta.logo) : undefined;
  if (!size && !meta.brand) return [];
  const height = ctx.style.body.size * 3;
  const width = size ? Math.min(frame.width / 3, (size.width / size.height) * height) : 0;
  const items: Slice['items'] = [];
  if (size && meta.logo) {
    const alt = meta.logoAlt ?? meta.brand ?? '';
    const node = alt ? structNode('Figure', frame.parent, { alt }) : null;
    items.push({
      kind: 'image',
      x: frame.x,
      y: 0,
      width,
      height: width * (size.height / size.width),
      url: meta.logo,
      node,
    });
  }
  if (meta.brand) {
    const x = frame.x + (width ? width + ctx.style.body.size * 0.7 : 0);
    const [line] = textSlices(
      [{ text: meta.brand }],
      { size: ctx.style.title.subtitleSize, lineHeight: 1.2, color: ctx.style.headings[1].color, bold: true },
      { ...frame, x, width: frame.width - (x - frame.x) },
      structNode('P', frame.parent),
      ctx,
    );
    const shift = (height - (line?.height ?? 0)) / 2;
    for (const item of line?.items ?? []) if (item.kind === 'text') items.push({ ...item, y: item.y + shift });
  }
  return [{ height, spaceBefore: 0, items, keepWithNext: true }];
}

/** Title, subtitle and the byline (audience · authors · date), from the template's front matter. */
function titleBlock(meta: HandoutMeta, frame: Frame, ctx: Ctx): Slice[] {
  if (!meta.title) return [];
  const { headings, title, body } = ctx.style;
  const h1 = headings[1];
  const brand = brandRow(meta, frame, ctx);
  const slices = brand.concat(
    keepAll(
      textSlices(
        inlinesWithMath(meta.title),
        { size: h1.size, lineHeight: 1.2, color: h1.color, bold: true, hyphenate: false },
        frame,
        structNode('H1', frame.parent),
        ctx,
      ),
    ),
  );
  if (brand.length && slices[1]) slices[1].spaceBefore = body.size * 0.6;
  const add = (text: string | null, size: number, lineHeight: number, space: number) => {
    if (!text) return;
    const lines = keepAll(
      textSlices(
        [{ text }],
        { size, lineHeight, color: title.muted, hyphenate: false },
        frame,
        structNode('P', frame.parent),
        ctx,
      ),
    );
    lines[0]!.spaceBefore = space;
    slices.push(...lines);
  };
  add(meta.subtitle, title.subtitleSize, 1.3, body.size * 0.3);
  add(
    [meta.audience, meta.authors.join(', '), meta.date].filter(Boolean).join(' · ') || null,
    title.bylineSize,
    1.4,
    body.size * 0.5,
  );
  const space = body.size * 0.6;
  slices.push({
    height: space + 1.5,
    spaceBefore: 0,
    items: [
      {
        kind: 'line',
        x1: frame.x,
        y1: space,
        x2: frame.x + frame.width,
        y2: space,
        width: 1.5,
        color: title.ruleColor,
      },
    ],
  });
  return slices;
}

/**
 * Running header (left) and footer (text left, "Page X of Y" in the handout's language right) for
 * one page, all artifacts.
 * Characters no font has are counted in `missing`, as in the body.
 */
export function furniture(
  page: number,
  count: number,
  header: string,
  footer: string,
  style: Style,
  metrics: Metrics,
  missing = new Map<string, number>(),
  formulas: Formulas = new Map(),
  pageLabel: (page: number, count: number) => string = (p, c) => `Page ${p} of ${c}`,
): Slice {
  const { size, color, rule } = style.furniture;
  const { x, width } = style.content;
  const top = style.page.margins.top;
  const bottom = style.page.height - style.page.margins.bottom;
  const runs = (text: string) => withFallbacks([{ text, font: 'regular', size, color }], metrics, missing);
  const label = pageLabel(page, count);
  const labelWidth = metrics.width(label, 'regular', size);
  const oneLine = (r: ReturnType<typeof runs>) => breakLines(r, Number.POSITIVE_INFINITY, metrics)[0]!;
  const withMath = runsWithMath(header, { font: 'regular', size, color }, formulas, (r) => oneLine(r).width <= width);
  const items: Slice['items'] = [
    ...lineItems(
      oneLine(
        withMath ? withFallbacks(withMath, metrics, missing) : runs(fit(mathAsSource(header), width, size, metrics)),
      ),
      x,
      top - 26,
      null,
    ),
    { kind: 'line', x1: x, y1: top - 18, x2: x + width, y2: top - 18, width: 0.5, color: rule },
    { kind: 'line', x1: x, y1: bottom + 16, x2: x + width, y2: bottom + 16, width: 0.5, color: rule },
    {
      kind: 'text',
      x: x + width - labelWidth,
      y: bottom + 16 + size * 1.4,
      text: label,
      font: 'regular',
      size,
      color,
      width: labelWidth,
      node: null,
    },
  ];
  const lines = breakLines(runs(footer), width - labelWidth - size * 2, metrics).slice(0, 2);
  lines.forEach((line, i) => items.push(...lineItems(line, x, bottom + 16 + size * 1.4 * (i + 1), null)));
  return { height: 0, spaceBefore: 0, items };
}

/**
 * The longest prefix that fits with an ellipsis: no glyph is narrower than a tenth of the size, so
 * at most that many characters can fit; then a binary search. (Dropping one character at a time
 * and measuring again made a 10 000-character title take 101 s.)
 */
function fit(text: string, width: number, size: number, metrics: Metrics): string {
  const chars = [...text].slice(0, Math.ceil(width / (size * 0.1)) + 1);
  if (chars.length === [...text].length && metrics.width(text, 'regular', size) <= width) return text;
  const fits = (n: number) => metrics.width(`${chars.slice(0, n).join('')}…`, 'regular', size) <= width;
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}
