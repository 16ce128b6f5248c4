import type { ResolvedSection, ResolvedTopic } from '../content/types.js';
import { bodyBlocks, estimate, joinBlocks, slideSafeBody, type BodyBlock } from './slide-body.js';

/**
 * Where a deck continues on the next slide. Slides have a fixed size, so a section with many points
 * or a long body is cut into parts, each one slide, instead of overflowing. Sizes are estimates in
 * text lines (checked in real Chromium by the slides-html tests: no slide of the fixtures overflows).
 */

/**
 * Per built-in theme at 16:9, measured in Chromium: text lines that fit below a one-line title,
 * characters per line of body text and of the title, and how many body lines one more title line
 * takes. About 85% of the measured room, since the estimate does not know the font's real widths.
 * A custom theme gets the metrics of the built-in it imports, else `default`'s.
 */
const METRICS = {
  default: { lines: 9.5, cpl: 66, titleCpl: 44, titleLine: 1.35 },
  gaia: { lines: 9, cpl: 56, titleCpl: 38, titleLine: 1.5 },
  uncover: { lines: 8, cpl: 48, titleCpl: 28, titleLine: 1.7 },
} as const;
/** 4:3 slides keep the height and lose a quarter of the width (less the padding). */
const NARROW = 0.72;
/** With an image beside the text, the text gets this share of the width. */
const BESIDE_SHARE = 0.55;

export type SlideSize = '16:9' | '4:3';
export interface Metrics {
  lines: number;
  cpl: number;
  titleCpl: number;
  titleLine: number;
}

/** The metrics for a theme name (built-in or custom: `css` is a custom theme's stylesheet). */
export function themeMetrics(theme: string, size: SlideSize, css?: string): Metrics {
  const base =
    theme in METRICS ? theme : (/@import\s+["'](gaia|uncover|default)["']/.exec(css ?? '')?.[1] ?? 'default');
  const m = METRICS[base as keyof typeof METRICS];
  const k = size === '4:3' ? NARROW : 1;
  return { lines: m.lines, cpl: Math.floor(m.cpl * k), titleCpl: Math.floor(m.titleCpl * k), titleLine: m.titleLine };
}

export type ImageLayout = 'beside' | 'full' | null;

export interface SlidePart {
  /** Slide-safe Markdown of this part of the body, or null. */
  body: string | null;
  points: string[];
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

type Item = { kind: 'block'; block: BodyBlock } | { kind: 'point'; text: string };

/** A section's slides: body blocks first, then points, packed into slides of the theme's size. */
export function sectionParts(section: ResolvedSection, m: Metrics, size: SlideSize): SlidePart[] {
  const { cpl } = m;
  const body = section.body === null ? null : slideSafeBody(section.body);
  const items: Item[] = [
    ...(body ? bodyBlocks(body).map((block) => ({ kind: 'block' as const, block })) : []),
    ...section.points.map((text) => ({ kind: 'point' as const, text })),
  ];
  if (!items.length) {
    const fit = section.image ? fitImage(section.image, size) : null;
    return [
      {
        body: null,
        points: [],
        imageLayout: section.image ? 'full' : null,
        imageWidth: fit?.width ?? null,
        imageHeight: fit?.height ?? null,
        continued: false,
        number: 1,
        total: 1,
      },
    ];
  }
  // The image sits beside the first slide's text; continued slides get the full width.
  const width = (part: number) => (section.image && part === 0 ? Math.floor(cpl * BESIDE_SHARE) : cpl);
  const weight = (item: Item, w: number) => (item.kind === 'block' ? item.block.lines(w) : estimate(item.text, w - 3));
  const titleLines = (Math.max(1, Math.ceil(section.title.length / m.titleCpl)) - 1) * m.titleLine;
  const groups = pack(items, (item, part) => weight(item, width(part)), m.lines - titleLines);
  return groups.map((group, i) => {
    const blocks = group.flatMap((it) => (it.kind === 'block' ? [it.block] : []));
    return {
      body: blocks.length ? joinBlocks(blocks) : null,
      points: group.flatMap((it) => (it.kind === 'point' ? [it.text] : [])),
      imageLayout: section.image && i === 0 ? 'beside' : null,
      imageWidth: null,
      imageHeight: null,
      continued: i > 0,
      number: i + 1,
      total: groups.length,
    };
  });
}

/** The largest size with the image's aspect ratio that fits below the title (and above the caption). */
function fitImage(image: NonNullable<ResolvedSection['image']>, size: SlideSize): { width: number; height: number } {
  const box = { width: size === '16:9' ? 1100 : 800, height: image.caption ? 360 : 420 };
  const scale = Math.min(box.width / image.width, box.height / image.height);
  return { width: Math.floor(image.width * scale), height: Math.floor(image.height * scale) };
}

/** Glossary entries or references, packed into slides the same way. */
export function listParts<T>(entries: readonly T[], text: (entry: T) => string, m: Metrics): ListPart<T>[] {
  if (!entries.length) return [];
  const groups = pack([...entries], (e) => estimate(text(e), m.cpl - 3), m.lines);
  return groups.map((g, i) => ({ entries: g, continued: i > 0, number: i + 1, total: groups.length }));
}

/**
 * Greedy packing, then evened out: when a section needs n slides, each slide takes about 1/n of the
 * text rather than full slides and a near-empty last one. An item taller than a slide gets its own.
 */
function pack<T>(items: readonly T[], weight: (item: T, part: number) => number, limit: number): T[][] {
  const greedy = (max: number) => {
    const parts: T[][] = [[]];
    let used = 0;
    for (const item of items) {
      const w = weight(item, parts.length - 1);
      if (used + w > max && parts[parts.length - 1]!.length) {
        parts.push([]);
        used = 0;
      }
      parts[parts.length - 1]!.push(item);
      used += weight(item, parts.length - 1);
    }
    return parts;
  };
  const full = greedy(limit);
  if (full.length < 2) return full;
  const total = items.reduce((n, item) => n + weight(item, 1), 0);
  const even = greedy(Math.min(limit, Math.ceil(total / full.length) + 1));
  return even.length === full.length ? even : full;
}

/** Template data for the deck: each section's slides, and the glossary and reference slides. */
export function slideContext(
  topic: Pick<ResolvedTopic, 'glossary' | 'references'>,
  sections: readonly ResolvedSection[],
  theme: string,
  size: SlideSize,
  css?: string,
) {
  const m = themeMetrics(theme, size, css);
  let n = 0;
  const references = topic.references.map((r) => ({ ...r, number: ++n }));
  return {
    sections: sections.map((s) => ({
      ...s,
      body: s.body === null ? null : slideSafeBody(s.body),
      parts: sectionParts(s, m, size),
    })),
    glossaryParts: listParts(topic.glossary, (g) => `${g.term}: ${g.definition}`, m),
    referenceParts: listParts(references, (r) => `${r.number}. ${r.text} ${r.url ?? ''}`, m),
  };
}
