// Handout typography in one place. Targets (shared reference handout-quality.md §0 and §4): body size
// from the audience (patient 13 pt), leading 1.5, paragraph spacing 1.5 × the line spacing (WCAG 1.4.8),
// ragged right, ≤ ~75 characters a line, dark text on white (contrast ≥ 7:1), print margins of 1 inch
// at the sides.

export type PageSize = 'LETTER' | 'A4';

const PAGE_SIZES: Record<PageSize, [number, number]> = {
  LETTER: [612, 792],
  A4: [595.28, 841.89],
};

export interface HeadingStyle {
  size: number;
  lineHeight: number;
  spaceBefore: number;
  color: string;
}

export interface CalloutStyle {
  fill: string;
  /** The box's outline (none: a soft box). */
  border: { color: string; width: number } | null;
  /** A bar on the left edge. */
  bar: { color: string; width: number } | null;
  /** The label strip's background (none: the label is set in `labelColor` on the box fill). */
  labelFill: string | null;
  labelColor: string;
  icon: 'warning' | 'call' | 'tip';
}

export interface Style {
  page: { width: number; height: number; margins: { top: number; right: number; bottom: number; left: number } };
  /** The content area: where slices go. */
  content: { x: number; y: number; width: number; height: number };
  body: { size: number; lineHeight: number; color: string; paragraphSpace: number };
  headings: Record<1 | 2 | 3 | 4, HeadingStyle>;
  /** Space after a heading, before its first block. */
  afterHeading: number;
  title: { subtitleSize: number; bylineSize: number; muted: string; ruleColor: string };
  link: { color: string };
  list: { indent: number; itemSpace: number; bullets: string[]; markerColor: string };
  quote: { fill: string; bar: string; barWidth: number; pad: number };
  code: { size: number; lineHeight: number; fill: string; pad: number };
  table: {
    size: number;
    lineHeight: number;
    padX: number;
    padY: number;
    headerFill: string;
    stripeFill: string;
    rule: string;
  };
  /**
   * Section kinds. Warning and call are strong boxes (border, a label strip with an icon, white on a dark
   * colour ≥ 7:1); tip a soft box with a bar; the label and the icon's shape tell them apart, not only colour.
   */
  callout: Record<'warning' | 'call' | 'tip', CalloutStyle> & { pad: number; labelSize: number };
  /** Step numbers in filled discs; question tick boxes. */
  marks: { stepFill: string; stepText: string; box: string };
  figure: { captionSize: number; captionLineHeight: number; gap: number; color: string };
  rule: { color: string; space: number };
  /** Running header and footer. */
  furniture: { size: number; color: string; rule: string };
  /** Lines a paragraph must keep at the bottom (orphans) and the top (widows) of a page. */
  orphans: number;
  widows: number;
}

/**
 * `tighten` (1 = normal, down to 0.7) scales the vertical spacing between blocks, never the line
 * spacing: what pagination may use to avoid a last page holding only a few lines.
 */
export function handoutStyle(bodySize: number, pageSize: PageSize, tighten = 1): Style {
  const s = bodySize;
  const k = Math.max(0.7, Math.min(1, tighten));
  const [width, height] = PAGE_SIZES[pageSize];
  const margins = { top: 72, right: 72, bottom: 72, left: 72 };
  const heading = (factor: number, before: number): HeadingStyle => ({
    size: round(s * factor),
    lineHeight: 1.25,
    spaceBefore: round(s * before * k),
    color: '#123b66',
  });
  return {
    ...pageBox(width, height, margins),
    body: { size: s, lineHeight: 1.5, color: '#1a1a1a', paragraphSpace: round(s * 0.75 * k) },
    headings: { 1: heading(1.85, 1.6), 2: heading(1.4, 1.5), 3: heading(1.17, 1.2), 4: heading(1, 1) },
    afterHeading: round(s * 0.35 * k),
    title: {
      subtitleSize: round(s * 1.2),
      bylineSize: round(Math.max(9, s * 0.85)),
      muted: '#454545',
      ruleColor: '#2f6fb0',
    },
    link: { color: '#0b4f8a' },
    list: { indent: round(s * 1.7), itemSpace: round(s * 0.35 * k), bullets: ['•', '◦', '▪'], markerColor: '#2f6fb0' },
    quote: { fill: '#eaf2fb', bar: '#2f6fb0', barWidth: 4, pad: round(s * 0.8) },
    code: { size: round(s * 0.88), lineHeight: 1.4, fill: '#f3f3f3', pad: round(s * 0.6) },
    table: {
      size: round(s * 0.92),
      lineHeight: 1.35,
      padX: round(s * 0.5),
      padY: round(s * 0.35),
      headerFill: '#dfe8f3',
      stripeFill: '#f5f8fb',
      rule: '#9aa7b5',
    },
    ...kindStyles(s, k),
    figure: {
      captionSize: round(Math.max(9, s * 0.88)),
      captionLineHeight: 1.4,
      gap: round(s * 0.5),
      color: '#3a3a3a',
    },
    rule: { color: '#9aa7b5', space: round(s * 0.6) },
    furniture: { size: round(Math.max(8.5, s * 0.7)), color: '#4d4d4d', rule: '#c3ccd6' },
    orphans: 2,
    widows: 2,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The boxes of section kinds at body size `s` (k: the spacing factor); a drawn slide uses them at its
 * own body size, so a warning on a slide looks like the handout's.
 */
export function kindStyles(s: number, k = 1): Pick<Style, 'callout' | 'marks'> {
  return {
    callout: {
      pad: round(s * 0.8 * k),
      labelSize: round(s * 0.95),
      warning: {
        fill: '#fdeeee',
        border: { color: '#a4161a', width: 2.5 },
        bar: null,
        labelFill: '#a4161a',
        labelColor: '#ffffff',
        icon: 'warning',
      },
      call: {
        fill: '#fff5e6',
        border: { color: '#8a4700', width: 2.5 },
        bar: { color: '#8a4700', width: 8 },
        labelFill: '#8a4700',
        labelColor: '#ffffff',
        icon: 'call',
      },
      tip: {
        fill: '#edf6ee',
        border: null,
        bar: { color: '#2e7d32', width: 4 },
        labelFill: null,
        labelColor: '#1b5e20',
        icon: 'tip',
      },
    },
    marks: { stepFill: '#123b66', stepText: '#ffffff', box: '#1a1a1a' },
  };
}

/** A page and the content box its margins leave (handouts and printouts share it). */
export function pageBox(
  width: number,
  height: number,
  margins: { top: number; right: number; bottom: number; left: number },
): Pick<Style, 'page' | 'content'> {
  return {
    page: { width, height, margins },
    content: {
      x: margins.left,
      y: margins.top,
      width: width - margins.left - margins.right,
      height: height - margins.top - margins.bottom,
    },
  };
}
