import { mathAsSource } from '../../math/dollars.js';
import { structNode } from '../handout-pdf/flow.js';
import type { Page } from '../handout-pdf/paginate.js';
import { layoutMiniature } from '../handout-pdf/miniature.js';
import type { RenderInput, RenderOutput } from '../types.js';
import { deckLook } from './deck-look.js';
import { slideAlt } from './miniatures.js';
import { printStyle } from './page.js';
import { draw, notices } from './render.js';
import { artifactWhere } from '../artifact-name.js';

/**
 * slides.pdf without a browser: every slide drawn by the miniature drawer at full size, one page per slide at
 * the deck's size (1280×720 px = 960×540 pt). Tagged as content (headings, paragraphs, lists, links), not as
 * figures: this is the deck itself.
 */
export async function renderDrawnSlidesPdf(input: RenderInput): Promise<RenderOutput> {
  const where = artifactWhere(input, 'slides.pdf');
  const look = await deckLook(input, where);
  const lang = look.deck.lang ?? input.topic.lang;
  const width = look.size.width * 0.75;
  const height = look.size.height * 0.75;
  const base = printStyle(input.audience);
  const style = {
    ...base,
    page: { width, height, margins: { top: 0, right: 0, bottom: 0, left: 0 } },
    content: { x: 0, y: 0, width, height },
  };
  const root = structNode('Document', null);
  const missing = new Map<string, number>();
  const notes: string[] = [];
  const pages: Page[] = look.deck.slides.map((slide, i) => {
    const mini = layoutMiniature({
      slide,
      palette: look.palette,
      placement: look.placement,
      deck: look.size,
      x: 0,
      y: 0,
      width,
      metrics: look.fonts.metrics,
      images: look.imageSizes,
      formulas: look.formulas,
      parent: root,
      alt: slideAlt(look, i, lang),
      tagAs: 'content',
    });
    for (const [ch, n] of mini.missing) missing.set(ch, (missing.get(ch) ?? 0) + n);
    notes.push(...mini.notes);
    return { slices: [{ slice: { height: 0, spaceBefore: 0, items: mini.items }, top: 0 }], boxes: [] };
  });
  const laid = { pages, root, missing, notes, diagnostics: [] };
  const bytes = await draw(laid, style, look, input, mathAsSource(look.deck.meta.title ?? input.topic.title), null);
  return { bytes, pages: pages.length, diagnostics: [...look.diagnostics, ...notices(laid, where)] };
}
