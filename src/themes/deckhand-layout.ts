/**
 * The deckhand themes' box model in CSS px, beside palette.ts's colours and sizes: what the theme CSS
 * (deckhand-css.ts) writes and what the slide planner measures with (src/view/slide-measure.ts), so the
 * two cannot drift apart. Margins are only ever below a block (no collapsing to model).
 */
export interface DeckLayout {
  /** Space below a paragraph, list, table, figure or callout. */
  blockGap: number;
  /** Space between list items. */
  itemGap: number;
  /** Left indent of a list's text (the marker sits in it). */
  listIndent: number;
  /** Line height of headings (unitless). */
  headingLineHeight: number;
  /** Space below the slide title (its accent rule included). */
  titleGap: number;
  /** Table cell padding: vertical, horizontal; the border below each row. */
  cellPadY: number;
  cellPadX: number;
  rowRule: number;
  /** Table text size. */
  tableSize: number;
  /** Callout (block quote) padding: vertical, horizontal, and its left bar. */
  calloutPadY: number;
  calloutPadX: number;
  calloutBar: number;
}

export const DECK_LAYOUT: DeckLayout = {
  blockGap: 18,
  itemGap: 8,
  listIndent: 42,
  headingLineHeight: 1.15,
  titleGap: 26,
  cellPadY: 8,
  cellPadX: 18,
  rowRule: 2,
  tableSize: 28,
  calloutPadY: 14,
  calloutPadX: 24,
  calloutBar: 8,
};
