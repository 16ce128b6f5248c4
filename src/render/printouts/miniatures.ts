import type { Audience } from '../../config/types.js';
import { Codes } from '../../errors/codes.js';
import { warning, type Diagnostic } from '../../errors/diagnostic.js';
import type { StructNode } from '../handout-pdf/flow.js';
import { structNode } from '../handout-pdf/flow.js';
import { layoutMiniature, slidePoints, type Miniature } from '../handout-pdf/miniature.js';
import type { DeckLook } from './deck-look.js';
import { say } from './strings.js';

// A slide's miniature in a frame of the page, with its Figure alt text, and the legibility check that goes
// with the frame's size.

export function miniature(
  look: DeckLook,
  index: number,
  at: { x: number; y: number; width: number },
  parent: StructNode,
  lang: string,
): Miniature {
  const slide = look.deck.slides[index]!;
  if (look.exact) {
    // The real slide page goes into this frame after drawing (stamp.ts); the Figure holds its alt text.
    const height = (at.width * look.size.height) / look.size.width;
    const figure = structNode('Figure', parent, { alt: slideAlt(look, index, lang) });
    look.exact.set(figure, { slide: index, x: at.x, y: at.y, width: at.width, height });
    return {
      items: [{ kind: 'node', node: figure }],
      height,
      figure,
      bodySize: bodySizeAt(look, at.width),
      missing: new Map(),
      notes: [],
    };
  }
  return layoutMiniature({
    slide,
    palette: look.palette,
    placement: look.placement,
    deck: look.size,
    ...at,
    metrics: look.fonts.metrics,
    images: look.imageSizes,
    formulas: look.formulas,
    parent,
    alt: slideAlt(look, index, lang),
  });
}

/** "Slide 3: Title. Point; point" — what a screen reader says for the miniature. */
export function slideAlt(look: DeckLook, index: number, lang: string): string {
  const slide = look.deck.slides[index]!;
  const title = slide.title ?? say('untitledSlide', lang);
  const points = slidePoints(slide);
  const head = say('slideAlt', lang, { n: index + 1, title });
  return points.length ? `${head}. ${points.join('; ')}` : head;
}

/** The body size a frame `width` points wide prints the theme's body text at. */
export function bodySizeAt(look: DeckLook, width: number): number {
  return (look.palette.sizes.body * width) / look.size.width;
}

/**
 * DH_SMALL_PRINT: the miniatures' body text below 7 pt (10 pt for an audience with a reading-grade target,
 * such as patients) is too small to read on paper.
 */
export function legibility(
  look: DeckLook,
  width: number,
  audience: Audience,
  where: string,
  what: string,
): Diagnostic[] {
  const size = bodySizeAt(look, width);
  const floor = audience.readingGrade !== undefined ? 10 : 7;
  if (size >= floor) return [];
  return [
    warning(
      Codes.smallPrint,
      `${where}: ${what} prints the slides' body text at ${size.toFixed(1)} pt, below ${floor} ` +
        `pt${
          audience.readingGrade !== undefined
            ? ` (the floor for ${audience.label.toLowerCase()}, who have a ` + `reading-grade target)`
            : ''
        }`,
      { hint: 'choose fewer slides a page (slidesHandout.layout: 1, 2 or 3), or notes pages (-f notes)' },
    ),
  ];
}
