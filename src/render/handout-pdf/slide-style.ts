import type { ThemePalette } from '../../themes/palette.js';
import { kindStyles, type Style } from './style.js';

// The typesetter's Style for text on a slide: the theme's sizes (CSS px on the slide) times `k` (points on the
// page per slide px), its colours and line height. A miniature and a drawn slides.pdf page are then set by the
// same layout code as the handout: one layout engine, two looks.

export interface SlideColours {
  text: string;
  heading: string;
  link: string;
  muted: string;
  accent: string;
  /** Backgrounds of code blocks, quotes and table headers: the text colour faded into the slide's background. */
  tint: string;
  stripe: string;
}

export function slideStyle(
  palette: ThemePalette,
  k: number,
  colours: SlideColours,
  area: { width: number; height: number },
): Style {
  const { sizes, lineHeight } = palette;
  const body = sizes.body * k;
  const heading = (size: number, before: number) => ({
    size: size * k,
    lineHeight: 1.25,
    spaceBefore: body * before,
    color: colours.heading,
  });
  return {
    page: { width: area.width, height: area.height, margins: { top: 0, right: 0, bottom: 0, left: 0 } },
    content: { x: 0, y: 0, width: area.width, height: area.height },
    body: { size: body, lineHeight, color: colours.text, paragraphSpace: body * 0.6 },
    headings: {
      1: heading(sizes.h1, 0.6),
      2: heading(sizes.h2, 0.6),
      3: heading(sizes.h3, 0.5),
      4: heading(sizes.body, 0.5),
    },
    afterHeading: body * 0.5,
    title: { subtitleSize: sizes.h3 * k, bylineSize: body, muted: colours.muted, ruleColor: colours.accent },
    link: { color: colours.link },
    list: { indent: body * 1.4, itemSpace: body * 0.2, bullets: ['•', '◦', '▪'], markerColor: colours.text },
    quote: { fill: colours.stripe, bar: colours.accent, barWidth: Math.max(0.5, 4 * k), pad: body * 0.5 },
    code: { size: body * 0.8, lineHeight: 1.35, fill: colours.tint, pad: body * 0.4 },
    table: {
      size: body * 0.9,
      lineHeight: 1.3,
      padX: body * 0.4,
      padY: body * 0.2,
      headerFill: colours.tint,
      stripeFill: colours.stripe,
      rule: colours.muted,
    },
    figure: { captionSize: body * 0.8, captionLineHeight: 1.3, gap: body * 0.3, color: colours.muted },
    rule: { color: colours.muted, space: body * 0.5 },
    furniture: { size: sizes.small * k, color: colours.muted, rule: colours.muted },
    ...kindStyles(body),
    orphans: 1,
    widows: 1,
  };
}
