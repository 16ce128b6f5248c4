import type { DrawInput } from './draw.js';
import { structNode, type Slice } from './flow.js';
import type { Diagnostic } from '../../errors/diagnostic.js';

/** A handout laid out and paginated, ready to draw (alone, or with others into one PDF). */
export interface TypesetHandout {
  draw: DrawInput;
  diagnostics: Diagnostic[];
}

/**
 * Several typeset handouts (the same topic and audience, e.g. one per patient) drawn as one PDF:
 * each keeps its own page numbers ("Page 1 of 2"), and each starts on a new sheet when printed
 * double-sided — a handout with an odd page count is followed by a blank page (not after the last).
 * Fonts and images are embedded once for all of them, so the file stays small.
 *
 * The metadata (title, language, date) is the first handout's; every part must share it, which is
 * the case for one topic × audience. Each handout's structure tree becomes a Part of one Document.
 */
export function combineHandouts(parts: readonly TypesetHandout[]): DrawInput {
  const first = parts[0];
  if (!first) throw new Error('combineHandouts: no handouts');
  const root = structNode('Document', null);
  const blank: Slice = { height: 0, spaceBefore: 0, items: [] };
  const pages: DrawInput['pages'] = [];
  const furniture: Slice[] = [];
  parts.forEach(({ draw }, i) => {
    // The handout's own Document node becomes a Part under the shared one (its children keep pointing at it).
    draw.root.type = 'Part';
    draw.root.parent = root;
    pages.push(...draw.pages);
    furniture.push(...draw.furniture);
    if (draw.pages.length % 2 === 1 && i < parts.length - 1) {
      pages.push({ slices: [], boxes: [] });
      furniture.push(blank);
    }
  });
  const images = new Map<string, Uint8Array>();
  const svgImages = new Map<string, string>();
  for (const { draw } of parts) {
    for (const [url, bytes] of draw.images) images.set(url, bytes);
    for (const [url, text] of draw.svgImages ?? []) svgImages.set(url, text);
  }
  return { ...first.draw, pages, furniture, root, images, svgImages };
}
