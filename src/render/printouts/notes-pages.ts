import type { Audience, ResolvedConfig } from '../../config/types.js';
import type { Diagnostic } from '../../errors/diagnostic.js';
import { structNode, type Slice, type StructNode } from '../handout-pdf/flow.js';
import { layoutColumn } from '../handout-pdf/layout.js';
import { paginate, type Page } from '../handout-pdf/paginate.js';
import type { Style } from '../handout-pdf/style.js';
import type { DeckLook } from './deck-look.js';
import { legibility, miniature } from './miniatures.js';
import { frameLines, ruledLines } from './page.js';
import { say } from './strings.js';
import { lazyHyphenator } from '../../typeset/hyphenation.js';

// notes.pdf, laid out: for each slide a page with a heading ("Slide 3: Title"), the miniature in the top part
// and the speaker notes below, typeset like the handout. Notes that do not fit flow onto continuation pages
// headed "Slide 3 — notes (continued)" with the slide's title; they are never shrunk or cut. A slide without
// notes gets ruled lines to write on. Pure.

export interface PrintLayout {
  pages: Page[];
  root: StructNode;
  missing: Map<string, number>;
  notes: string[];
  diagnostics: Diagnostic[];
}

/** The miniature's share of the content width on a notes page. */
const MINIATURE_WIDTH = 0.9;

export function layoutNotesPages(
  look: DeckLook,
  style: Style,
  audience: Audience,
  config: ResolvedConfig,
  lang: string,
  where: string,
): PrintLayout {
  const root = structNode('Document', null);
  const missing = new Map<string, number>();
  const notes: string[] = [];
  const { content } = style;
  const bottom = content.y + content.height;
  const width = content.width * MINIATURE_WIDTH;
  const pages: Page[] = [];
  // Notes are typeset like the handout: words split at line ends as the audience's handout does.
  const overlong = lazyHyphenator(lang);
  const hyphenate = audience.hyphenate ? overlong : null;
  const column = (blocks: Parameters<typeof layoutColumn>[0]['blocks']) => {
    const laid = layoutColumn({
      blocks,
      style,
      metrics: look.fonts.metrics,
      images: look.imageSizes,
      formulas: look.formulas,
      x: content.x,
      width: content.width,
      root,
      lang,
      hyphenate,
      overlong,
    });
    for (const [ch, n] of laid.missing) missing.set(ch, (missing.get(ch) ?? 0) + n);
    notes.push(...laid.notes);
    return laid.slices;
  };
  const stack = (slices: Slice[], top: number) => {
    let y = top;
    return slices.map((s, i) => {
      if (i > 0) y += s.spaceBefore;
      const placed = { slice: s, top: y };
      y += s.height;
      return placed;
    });
  };
  const height = (slices: Slice[]) => slices.reduce((h, s, i) => h + (i ? s.spaceBefore : 0) + s.height, 0);

  look.deck.slides.forEach((slide, i) => {
    const title = slide.title ?? say('untitledSlide', lang);
    const heading = column([
      { kind: 'heading', level: 2, inlines: [{ text: say('slideAlt', lang, { n: i + 1, title }) }] },
    ]);
    for (const s of heading) s.keepWithNext = false;
    const headTop = content.y;
    const miniTop = headTop + height(heading) + style.afterHeading;
    const x = content.x + (content.width - width) / 2;
    const mini = miniature(look, i, { x, y: miniTop, width }, root, lang);
    for (const [ch, n] of mini.missing) missing.set(ch, (missing.get(ch) ?? 0) + n);
    notes.push(...mini.notes);
    const frame = frameLines(x, miniTop, width, mini.height, style.table.rule);
    const notesTop = miniTop + mini.height + style.body.paragraphSpace * 1.5;
    const first: Page = {
      slices: [
        ...stack(heading, headTop),
        { slice: { height: 0, spaceBefore: 0, items: [...mini.items, ...frame] }, top: 0 },
      ],
      boxes: [],
    };
    const body = look.notes[i]!.length ? column(look.notes[i]!) : [];
    if (!body.length) {
      if (config.notes.lines)
        first.slices.push({
          slice: {
            height: 0,
            spaceBefore: 0,
            items: ruledLines(
              content.x,
              notesTop,
              content.width,
              bottom - notesTop,
              style.body.size * 2.2,
              style.table.rule,
            ),
          },
          top: 0,
        });
      pages.push(first);
      return;
    }
    // The first page holds what fits below the miniature; the rest goes to continuation pages.
    const [own] = paginate(body, notesTop, bottom - notesTop);
    const taken = own!.slices.filter((p) => !p.artifact).length;
    first.slices.push(...own!.slices);
    first.boxes.push(...own!.boxes);
    pages.push(first);
    const rest = body.slice(taken);
    if (!rest.length) return;
    const cont = () =>
      column([
        { kind: 'heading', level: 3, inlines: [{ text: say('notesContinued', lang, { n: i + 1 }) }] },
        { kind: 'paragraph', inlines: [{ text: title, italic: true }] },
      ]);
    const contTop = content.y + height(cont()) + style.body.paragraphSpace;
    for (const page of paginate(rest, contTop, bottom - contTop))
      pages.push({ slices: [...stack(cont(), content.y), ...page.slices], boxes: page.boxes });
  });
  const lastWidth = content.width * MINIATURE_WIDTH;
  return { pages, root, missing, notes, diagnostics: legibility(look, lastWidth, audience, where, 'the notes page') };
}
