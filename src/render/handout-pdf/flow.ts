// The data the pure layout hands to the paginator and the drawing: no PDFKit here.

/** The fonts the handout uses; drawing registers them under these names. */
export type { FontKey } from '../../fonts/metrics.js';
import type { FontKey } from '../../fonts/metrics.js';

/** Standard PDF structure types the handout produces (PDF 1.7 §14.8.4). */
export type StructType =
  | 'Document'
  | 'Sect'
  | 'Part'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'BlockQuote'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'
  | 'Caption'
  | 'Link'
  | 'Span'
  | 'Code'
  | 'Formula';

/**
 * A structure element as the layout sees it. Drawing creates the PDF element when the node's first
 * content is drawn, so children join their parent in reading order.
 */
export interface StructNode {
  type: StructType;
  parent: StructNode | null;
  /** Figure and Formula: the alt text. Link: a description of the link (the annotation's /Contents). */
  alt?: string;
  scope?: 'Column' | 'Row';
  /** Formula: inline in a line of text, or a display formula (a block of its own). */
  placement?: 'Inline' | 'Block';
  /** Span: the language of its text when not the document's (/Lang). */
  lang?: string;
}

export function structNode(
  type: StructType,
  parent: StructNode | null,
  extra: Partial<Pick<StructNode, 'alt' | 'scope' | 'placement' | 'lang'>> = {},
): StructNode {
  return { type, parent, ...extra };
}

/** Coordinates are points; y grows downwards and is relative to the top of the slice. */
export type Item =
  | {
      kind: 'text';
      x: number;
      /** The baseline. */
      y: number;
      text: string;
      font: FontKey;
      size: number;
      color: string;
      /** Advance width of the visible text (a trailing space kept for text extraction is not counted). */
      width: number;
      /** null: an artifact (page furniture, a repeated table header). */
      node: StructNode | null;
      link?: string;
    }
  | { kind: 'image'; x: number; y: number; width: number; height: number; url: string; node: StructNode | null }
  /** A formula drawn from its SVG; `y` is its baseline, ascent and descent are measured from it. */
  | {
      kind: 'formula';
      x: number;
      y: number;
      width: number;
      ascent: number;
      descent: number;
      svg: string;
      color: string;
      node: StructNode | null;
    }
  /** Backgrounds and rules: always artifacts. */
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: string }
  /** A vector icon (callout labels, step discs, tick boxes) in a `size` × `size` square; always an artifact. */
  | { kind: 'icon'; icon: IconName; x: number; y: number; size: number; color: string }
  /** A QR code: `count` × `count` modules (1 = dark, row by row) inside a quiet zone, `size` points square. */
  | {
      kind: 'qr';
      x: number;
      y: number;
      size: number;
      modules: Uint8Array;
      count: number;
      quiet: number;
      node: StructNode | null;
    }
  /** Creates the node's structure element even if it has no content (an empty table cell). */
  | { kind: 'node'; node: StructNode };

export type IconName = 'warning' | 'call' | 'tip' | 'disc' | 'checkbox';

/** A shaded box behind a run of slices (block quotes, code): drawn per page over the slices it holds. */
export interface Box {
  id: number;
  x: number;
  width: number;
  fill: string;
  /** A coloured bar on the left edge. */
  bar?: { color: string; width: number };
  /** An outline (callout boxes). */
  border?: { color: string; width: number };
}

/**
 * The unit of pagination: a line of text, a table row, an image with its caption. A page may break
 * between two slices unless the first one says keepWithNext.
 */
export interface Slice {
  height: number;
  /** Space above the slice; dropped at the top of a page. */
  spaceBefore: number;
  items: Item[];
  keepWithNext?: boolean;
  /** Starts a new page (`<!-- pagebreak -->`). */
  breakBefore?: boolean;
  /** Table rows share a group id: a page that starts inside the group first gets `repeat`. */
  group?: number;
  /** The table's header row, drawn again as an artifact at the top of a continuation page. */
  repeat?: Slice;
  boxes?: Box[];
  /** A smaller version of the slice that fits in `room` points of height, or null (a figure shrinks). */
  shrink?: (room: number) => Slice | null;
  /** A bookmark (outline entry) pointing at this slice. */
  bookmark?: { title: string; level: number };
}

export function shiftSlice(slice: Slice, dy: number): void {
  for (const item of slice.items) {
    if (item.kind === 'line') {
      item.y1 += dy;
      item.y2 += dy;
    } else if (item.kind !== 'node') item.y += dy;
  }
}
