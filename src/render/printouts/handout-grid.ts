import type { Audience, ResolvedConfig } from '../../config/types.js';
import { structNode, type Item } from '../handout-pdf/flow.js';
import type { Page } from '../handout-pdf/paginate.js';
import type { Style } from '../handout-pdf/style.js';
import { lineItems } from '../handout-pdf/layout-text.js';
import { breakLines, withFallbacks } from '../handout-pdf/line-break.js';
import type { DeckLook } from './deck-look.js';
import { legibility, miniature } from './miniatures.js';
import type { PrintLayout } from './notes-pages.js';
import { frameLines, ruledLines } from './page.js';
import { say } from './strings.js';

// slides-handout.pdf, laid out: PowerPoint's handout layouts — 1, 2 or 3 slides a page down the page (3 with
// ruled lines beside each slide), 4, 6 or 9 in a grid read row by row (horizontal) or column by column
// (vertical). Each slide framed, with its number. Never any speaker notes. Pure.

interface Grid {
  cols: number;
  rows: number;
  /** Layout 3: the slides take the left part of the row; the rest holds ruled lines. */
  lines: boolean;
}

const GRIDS: Record<number, Grid> = {
  1: { cols: 1, rows: 1, lines: false },
  2: { cols: 1, rows: 2, lines: false },
  3: { cols: 1, rows: 3, lines: true },
  4: { cols: 2, rows: 2, lines: false },
  6: { cols: 2, rows: 3, lines: false },
  9: { cols: 3, rows: 3, lines: false },
};

/** The miniature width a layout gives on a page (points): what its legibility is computed from. */
export function cellGeometry(style: Style, layout: number, lines: boolean, aspect: number) {
  const grid = GRIDS[layout]!;
  const { content } = style;
  const gapX = content.width * 0.06;
  const label = style.furniture.size * 2.2;
  const gapY = style.body.size * 1.2;
  const cellW = (content.width - gapX * (grid.cols - 1)) / grid.cols;
  const cellH = (content.height - gapY * (grid.rows - 1)) / grid.rows;
  const withLines = grid.lines && lines;
  const roomW = withLines ? cellW * 0.52 : cellW;
  const width = Math.min(roomW, (cellH - label) * aspect);
  return { grid, gapX, gapY, cellW, cellH, width, height: width / aspect, label, withLines };
}

export function layoutHandoutGrid(
  look: DeckLook,
  style: Style,
  audience: Audience,
  config: ResolvedConfig,
  lang: string,
  where: string,
): PrintLayout {
  const { layout, order, lines } = config.slidesHandout;
  const root = structNode('Document', null);
  const missing = new Map<string, number>();
  const notes: string[] = [];
  const aspect = look.size.width / look.size.height;
  const g = cellGeometry(style, layout, lines, aspect);
  const perPage = g.grid.cols * g.grid.rows;
  const { content } = style;
  const pages: Page[] = [];
  const count = look.deck.slides.length;
  for (let start = 0; start < Math.max(count, 1); start += perPage) {
    const items: Item[] = [];
    for (let j = 0; j < perPage && start + j < count; j++) {
      const i = start + j;
      const [row, col] =
        order === 'vertical'
          ? [j % g.grid.rows, Math.floor(j / g.grid.rows)]
          : [Math.floor(j / g.grid.cols), j % g.grid.cols];
      const cellX = content.x + col * (g.cellW + g.gapX);
      const cellY = content.y + row * (g.cellH + g.gapY);
      // Centred in its cell (left-aligned when the lines take the right part), number below.
      const x = g.withLines ? cellX : cellX + (g.cellW - g.width) / 2;
      const y = cellY + (g.cellH - g.label - g.height) / 2;
      const mini = miniature(look, i, { x, y, width: g.width }, root, lang);
      for (const [ch, n] of mini.missing) missing.set(ch, (missing.get(ch) ?? 0) + n);
      notes.push(...mini.notes);
      items.push(...mini.items, ...frameLines(x, y, g.width, mini.height, style.table.rule));
      const size = style.furniture.size;
      const runs = withFallbacks(
        [{ text: say('slideNumber', lang, { n: i + 1 }), font: 'regular', size, color: style.furniture.color }],
        look.fonts.metrics,
        missing,
      );
      const line = breakLines(runs, Number.POSITIVE_INFINITY, look.fonts.metrics)[0]!;
      items.push(...lineItems(line, x, y + mini.height + size * 1.5, null));
      if (g.withLines) {
        const lx = cellX + g.width + g.cellW * 0.06;
        items.push(
          ...ruledLines(lx, y, cellX + g.cellW - lx, mini.height, Math.max(18, style.body.size * 2), style.table.rule),
        );
      }
    }
    pages.push({ slices: [{ slice: { height: 0, spaceBefore: 0, items }, top: 0 }], boxes: [] });
  }
  return {
    pages,
    root,
    missing,
    notes,
    diagnostics: legibility(look, g.width, audience, where, `layout ${layout}`),
  };
}
