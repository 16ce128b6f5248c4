import type { SlideSettings } from '../config/types.js';
import type { ResolvedSection, ResolvedTopic } from '../content/types.js';
import type { Metrics } from '../fonts/metrics.js';
import { lookupString } from '../strings/strings.js';
import { deckFontMetrics, prepareDeckFonts } from '../typeset/deck-fonts.js';
import { bodyBlocks, joinBlocks, slideSafeBody, type BodyBlock } from './slide-body.js';
import { slideBox, stackHeight, titleHeight, type Element, type SlideBox } from './slide-measure.js';

/**
 * Where a deck continues on the next slide: the one slide plan every slide-shaped output reads (the
 * built-in template turns it into Marp Markdown, which slides.html, slides.pdf and slides.pptx render).
 * A section is measured with the theme font's real metrics in the theme's box (slide-measure.ts) and
 * continues only when its content does not fit: at a block boundary (paragraph, list item, table row,
 * glossary entry; between sentences or rows only for a paragraph or table taller than a slide), in as
 * few slides as fit, evened out so no slide is a lone leftover.
 */

export type SlideSize = '16:9' | '4:3';
export type ImageLayout = 'beside' | 'full' | null;

export interface SlidePart {
  /** Slide-safe Markdown of this part of the body, or null. */
  body: string | null;
  points: string[];
  /** The 1-based number of this part's first point in the section: a continued list of steps goes on counting. */
  firstPoint: number;
  /** The section image on this slide: beside the text, or filling the slide with its caption. */
  imageLayout: ImageLayout;
  /** Pixel size that fits a full-slide image (with its title and caption) on the slide, else null. */
  imageWidth: number | null;
  imageHeight: number | null;
  /** Not the section's first slide: the template marks it as continued. */
  continued: boolean;
  /** 1-based, and the section's number of slides. */
  number: number;
  total: number;
}

export interface ListPart<T> {
  entries: T[];
  continued: boolean;
  number: number;
  total: number;
}

/** What planning needs besides the content: the theme's box, the font metrics, the words of a continued title. */
export interface PlanContext {
  box: SlideBox;
  metrics: Metrics;
  /** "(continued)" in the deck's language, measured as part of a continued slide's title. */
  continued: string;
}

/** With an image beside the text (`![bg right:40%]`), the text keeps this share of the slide's width. */
const BESIDE_SHARE = 0.6;
// Room kept free: Chromium's line breaking and rounding differ from the measure by a pixel here and there.
const WIDTH_SAFETY = 0.985;
const HEIGHT_SAFETY = 6;

/** Loads what planning measures with (the fonts); await it once before planning decks. */
export const prepareSlidePlan = prepareDeckFonts;

/** The planning context of a theme. */
export function planContext(theme: string, size: SlideSize, css: string | undefined, lang: string): PlanContext {
  return {
    box: slideBox(theme, size, css),
    metrics: deckFontMetrics(),
    continued: lookupString('continued', lang) ?? '(continued)',
  };
}

type Item = { kind: 'block'; block: BodyBlock } | { kind: 'point'; text: string };

/** A section's slides: body blocks first, then points, packed into slides of the theme's size. */
export function sectionParts(
  section: ResolvedSection,
  ctx: PlanContext,
  body: string | null = section.body,
): SlidePart[] {
  const { box } = ctx;
  const safe = body === null ? null : slideSafeBody(body);
  const items: Item[] = [
    ...(safe ? bodyBlocks(safe).map((block) => ({ kind: 'block' as const, block })) : []),
    ...section.points.map((text) => ({ kind: 'point' as const, text })),
  ];
  if (!items.length) return [imageOnly(section, ctx)];
  // The image sits beside the first slide's text; continued slides get the full width. When not even
  // the first block fits beside it (a long title in a large theme), the image gets a slide of its own.
  let beside = Boolean(section.image);
  const width = (part: number) =>
    WIDTH_SAFETY * (beside && part === 0 ? Math.round(box.slideWidth * BESIDE_SHARE) - box.padX : box.width);
  const limit = (part: number) =>
    box.height -
    HEIGHT_SAFETY -
    titleHeight(part === 0 ? section.title : `${section.title} ${ctx.continued}`, width(part), box, ctx.metrics);
  const height = (group: readonly Item[], part: number) =>
    stackHeight(elementsOf(group), width(part), box, ctx.metrics);
  if (beside && items[0]!.kind === 'point' && height([items[0]!], 0) > limit(0)) beside = false;
  // A paragraph or table taller than a slide is cut into its sentences or rows; nothing else is.
  // No slide holds 20 000 characters: such a block is not measured whole (a 4 MiB paragraph would be).
  const tooTall = (item: Item) =>
    (item.kind === 'block' && item.block.text.length > 20_000) ||
    height([item], 1) > limit(1) ||
    (beside && height([item], 0) > limit(0));
  const pieces = items.flatMap((item) =>
    item.kind === 'block' && item.block.pieces && tooTall(item)
      ? item.block.pieces.map((block) => ({ kind: 'block' as const, block }))
      : [item],
  );
  if (beside && height([pieces[0]!], 0) > limit(0)) beside = false;
  const groups = pack(pieces, height, limit);
  const lead: SlidePart[] = section.image && !beside ? [imageOnly(section, ctx)] : [];
  const total = groups.length + lead.length;
  let pointsBefore = 0;
  const parts = groups.map((group, g): SlidePart => {
    const i = g + lead.length;
    const blocks = group.flatMap((it) => (it.kind === 'block' ? [it.block] : []));
    const points = group.flatMap((it) => (it.kind === 'point' ? [it.text] : []));
    const firstPoint = pointsBefore + 1;
    pointsBefore += points.length;
    return {
      body: blocks.length ? joinBlocks(blocks) : null,
      points,
      firstPoint,
      imageLayout: beside && i === 0 ? 'beside' : null,
      imageWidth: null,
      imageHeight: null,
      continued: i > 0,
      number: i + 1,
      total,
    };
  });
  return [...lead.map((p) => ({ ...p, total })), ...parts];
}

/** A section's image filling a slide of its own. */
function imageOnly(section: ResolvedSection, ctx: PlanContext): SlidePart {
  const fit = section.image ? fitImage(section, ctx) : null;
  return {
    body: null,
    points: [],
    firstPoint: 1,
    imageLayout: section.image ? 'full' : null,
    imageWidth: fit?.width ?? null,
    imageHeight: fit?.height ?? null,
    continued: false,
    number: 1,
    total: 1,
  };
}

const MARKER = /^\s*(?:[-*+]|\d+[.)])\s+/;
const CELLS = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

/** The measurable elements of a slide's items, pieces of one list, paragraph or table joined again. */
function elementsOf(items: readonly Item[]): Element[] {
  const out: Element[] = [];
  let group: number | undefined | 'points';
  for (const item of items) {
    const g = item.kind === 'point' ? 'points' : item.block.group;
    const last = out[out.length - 1];
    const same = g !== undefined && g === group && last !== undefined;
    group = g;
    if (item.kind === 'point') {
      if (same && last.kind === 'list') last.items.push(item.text);
      else out.push({ kind: 'list', items: [item.text] });
      continue;
    }
    const b = item.block;
    if (b.kind === 'item') {
      const text = b.text.replace(MARKER, '').replace(/\n\s*/g, '\n');
      if (same && last.kind === 'list') last.items.push(text);
      else out.push({ kind: 'list', items: [text] });
    } else if (b.kind === 'paragraph' && /!\[[^\]]*\]\(/.test(b.text)) {
      out.push({ kind: 'image', height: 260 });
    } else if (b.kind === 'paragraph') {
      if (same && last.kind === 'paragraph') last.text += ` ${b.text}`;
      else out.push({ kind: 'paragraph', text: b.text });
    } else if (b.kind === 'table') {
      const rows = (b.head ? [b.head.split('\n')[0]!, b.text] : b.text.split('\n').filter((_, i) => i !== 1)).map(
        CELLS,
      );
      if (same && last.kind === 'table') last.rows.push(...rows.slice(1));
      else out.push({ kind: 'table', rows });
    } else if (b.kind === 'heading') {
      out.push({ kind: 'heading', text: b.text.replace(/^#+\s*|\s*#*$/g, '').split('\n')[0]! });
    } else if (b.kind === 'code') {
      out.push({ kind: 'code', lines: Math.max(1, b.text.split('\n').length - 2) });
    } else if (b.kind === 'quote') {
      out.push({ kind: 'quote', text: b.text.replace(/^\s*>\s?/gm, '') });
    } else {
      out.push({ kind: 'other', height: /^\s*\$\$/.test(b.text) ? 100 : 48 });
    }
  }
  return out;
}

/** The largest size with the image's aspect ratio that fits below the title (and above the caption). */
function fitImage(section: ResolvedSection, ctx: PlanContext): { width: number; height: number } {
  const image = section.image!;
  const { box } = ctx;
  const caption = image.caption ? box.caption.lineHeight * 2 + box.gap : 0;
  const room = {
    width: box.width,
    height: box.height - HEIGHT_SAFETY - titleHeight(section.title, box.width, box, ctx.metrics) - caption - 12,
  };
  const scale = Math.min(room.width / image.width, room.height / image.height);
  return { width: Math.floor(image.width * scale), height: Math.floor(image.height * scale) };
}

/** Glossary entries or references, packed into slides the same way (each entry one list item). */
export function listParts<T>(
  entries: readonly T[],
  text: (entry: T) => string,
  title: string,
  ctx: PlanContext,
): ListPart<T>[] {
  if (!entries.length) return [];
  const { box } = ctx;
  const width = box.width * WIDTH_SAFETY;
  const limit = (part: number) =>
    box.height - HEIGHT_SAFETY - titleHeight(part ? `${title} ${ctx.continued}` : title, width, box, ctx.metrics);
  const height = (group: readonly T[]) =>
    stackHeight([{ kind: 'list', items: group.map(text) }], width, box, ctx.metrics);
  const groups = pack(entries, height, limit);
  return groups.map((g, i) => ({ entries: g, continued: i > 0, number: i + 1, total: groups.length }));
}

/**
 * In order, into as few slides as their heights allow (greedy: a slide takes the next item while it
 * fits, so no two neighbours would fit on one slide), then evened out: the lowest fill that still
 * needs no more slides, so a section of two slides is two halves, not a full one and a leftover. An
 * item taller than a slide gets a slide of its own.
 */
function pack<T>(
  items: readonly T[],
  height: (group: readonly T[], part: number) => number,
  limit: (part: number) => number,
): T[][] {
  const greedy = (list: readonly T[], fill: number, first = 0) => {
    const parts: T[][] = [[]];
    for (const item of list) {
      const current = parts[parts.length - 1]!;
      const part = first + parts.length - 1;
      if (current.length && height([...current, item], part) > limit(part) * fill) parts.push([item]);
      else current.push(item);
    }
    return parts;
  };
  const full = greedy(items, 1);
  if (full.length < 2) return full;
  // Evening out needs only the last few slides (a lone leftover is at the end): the search then costs
  // the same for a section of 5 000 slides as for one of 5, and planning stays linear in its length.
  const kept = full.length > EVEN_TAIL + 2 ? full.slice(0, full.length - EVEN_TAIL) : [];
  const tail = kept.length ? full.slice(kept.length).flat() : items;
  const count = full.length - kept.length;
  let [lo, hi] = [0.3, 1];
  for (let k = 0; k < 10; k++) {
    const mid = (lo + hi) / 2;
    if (greedy(tail, mid, kept.length).length === count) hi = mid;
    else lo = mid;
  }
  return [...kept, ...greedy(tail, hi, kept.length)];
}

/** How many last slides of a long section are evened out. */
const EVEN_TAIL = 4;

/** What the deck shows of a section's body: auto shows it only on a section without points. */
export function shownBody(section: ResolvedSection, mode: SlideSettings['body']): string | null {
  if (section.body === null) return null;
  if (mode === 'always') return section.body;
  if (mode === 'never') return null;
  return section.points.length ? null : section.body;
}

/** Template data for the deck: each section's slides, and the glossary and reference slides. */
export function slideContext(
  topic: Pick<ResolvedTopic, 'glossary' | 'references' | 'lang'>,
  sections: readonly ResolvedSection[],
  settings: Pick<SlideSettings, 'theme' | 'size' | 'body'>,
  css?: string,
) {
  const ctx = planContext(settings.theme, settings.size, css, topic.lang);
  const word = (key: string, fallback: string) => lookupString(key, topic.lang) ?? fallback;
  let n = 0;
  const references = topic.references.map((r) => ({ ...r, number: ++n }));
  return {
    sections: sections.map((s) => {
      const body = shownBody(s, settings.body);
      // `notes`: a body kept off the slide goes to the presenter notes, after the section's own notes.
      const hidden = settings.body === 'notes' && body === null && s.body !== null ? s.body : null;
      const notes = [s.notes, hidden].filter((x): x is string => Boolean(x)).join('\n\n') || null;
      return {
        ...s,
        body: body === null ? null : slideSafeBody(body),
        notes,
        parts: sectionParts(s, ctx, body),
      };
    }),
    glossaryParts: listParts(
      topic.glossary,
      (g) => `**${g.term}**: ${g.definition}`,
      word('wordsToKnow', 'Words to know'),
      ctx,
    ),
    referenceParts: listParts(references, (r) => `${r.text} ${r.url ?? ''}`, word('references', 'References'), ctx),
  };
}
