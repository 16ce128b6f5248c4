import type { Font } from 'fontkit';
import type { FontKey, Item, Slice, StructNode } from './flow.js';
import type { Page } from './paginate.js';
import type { Style } from './style.js';
import { escapeXmp, shareLayoutCaches } from '../../patches/pdfkit-document.js';
import { drawSvg, type SvgDrawer } from './draw-svg.js';
import { ICON_PATHS } from './icons.js';

// The only code that talks to PDFKit. Everything is positioned already; this file turns pages into
// PDF operators and keeps the tagging right: every content item inside marked content that belongs
// to its structure element, everything else (furniture, rules, boxes, repeated headers) an Artifact.

export interface DrawInput {
  pages: Page[];
  /** Running header and footer, one per page. */
  furniture: Slice[];
  root: StructNode;
  style: Style;
  /** The parsed face of a key (see src/fonts/load.ts); only the faces the pages use are asked for. */
  fonts: (key: FontKey) => Font;
  images: ReadonlyMap<string, Uint8Array>;
  /** SVG images (sanitised), drawn as vectors. */
  svgImages?: ReadonlyMap<string, string>;
  info: { title: string; author: string | null; subject: string | null; lang: string; date: Date; creator: string };
}

type Doc = PDFKit.PDFDocument;
type Elem = PDFKit.PDFStructureElement;

export async function drawPdf(input: DrawInput): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const { style, info } = input;
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    // Only an XMP label (pdfuaid:part 1); tagging, language, title and embedded fonts are what make it so.
    subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
    tagged: true,
    lang: info.lang,
    displayTitle: true,
    autoFirstPage: false,
    size: [style.page.width, style.page.height],
    margins: style.page.margins,
    // No default font at all: pdfkit never opens its unembedded Helvetica (every text item names its font).
    font: null as unknown as string,
    info: {
      Title: info.title,
      ...(info.author ? { Author: info.author } : {}),
      ...(info.subject ? { Subject: info.subject } : {}),
      Creator: info.creator,
      Producer: 'PDFKit',
      // Pinned dates make two builds of the same input byte-identical (the file /ID derives from them).
      CreationDate: info.date,
      ModDate: info.date,
    },
  });
  escapeXmp(doc);
  const used = usedFaces(input);
  for (const [key, font] of Object.entries(used)) doc.registerFont(key, font as unknown as string);
  shareLayoutCaches(doc, used);
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const embedded = await embedImages(doc, input);
  const svg = await drawSvg(doc);
  const tree = structureTree(doc, input.root);
  const outline = outliner(doc, style.page.width);
  input.pages.forEach((page, n) => {
    doc.addPage();
    const marks = marker(doc, tree);
    const draw = { images: embedded, svg, svgImages: input.svgImages ?? new Map<string, string>() };
    for (const item of input.furniture[n]?.items ?? []) drawItem(doc, marks, item, 0, 'Pagination', draw);
    for (const { box, top, bottom } of page.boxes) {
      marks.artifact('Layout');
      doc.rect(box.x, top, box.width, bottom - top).fill(box.fill);
      if (box.bar) doc.rect(box.x, top, box.bar.width, bottom - top).fill(box.bar.color);
      if (box.border) {
        const w = box.border.width;
        doc
          .save()
          .rect(box.x + w / 2, top + w / 2, box.width - w, bottom - top - w)
          .lineWidth(w)
          .strokeColor(box.border.color)
          .stroke()
          .restore();
      }
    }
    for (const placed of page.slices) {
      if (placed.slice.bookmark && !placed.artifact) outline(placed.slice.bookmark, placed.top);
      for (const item of placed.slice.items)
        drawItem(doc, marks, item, placed.top, placed.artifact ? 'Pagination' : 'Layout', draw);
    }
    marks.close();
    tree.endPage();
  });
  tree.end();
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

// --- internal ---

/** The faces the text items use, in a fixed order (the PDF's font resources follow it). */
function usedFaces(input: DrawInput): Record<string, Font> {
  const keys = new Set<FontKey>();
  const slices = [...input.furniture, ...input.pages.flatMap((p) => p.slices.map((s) => s.slice))];
  for (const slice of slices) for (const item of slice.items) if (item.kind === 'text') keys.add(item.font);
  return Object.fromEntries([...keys].sort().map((k) => [k, input.fonts(k)]));
}

function drawItem(
  doc: Doc,
  marks: Marker,
  item: Item,
  top: number,
  artifactType: 'Pagination' | 'Layout',
  {
    images,
    svg,
    svgImages,
  }: { images: ReadonlyMap<string, PdfImage>; svg: SvgDrawer; svgImages: ReadonlyMap<string, string> },
): void {
  switch (item.kind) {
    case 'formula': {
      const y = top + item.y;
      const bbox: [number, number, number, number] = [item.x, y - item.ascent, item.x + item.width, y + item.descent];
      if (item.node) marks.content(item.node, bbox);
      else marks.artifact(artifactType);
      svg(item.svg, item.x, y - item.ascent, item.width, item.ascent + item.descent, item.color);
      return;
    }
    case 'node':
      marks.tree.ensure(item.node);
      return;
    case 'icon':
      marks.artifact(artifactType);
      drawIcon(doc, item, top);
      return;
    case 'qr': {
      const y = top + item.y;
      if (item.node) marks.content(item.node, [item.x, y, item.x + item.size, y + item.size]);
      else marks.artifact(artifactType);
      // White quiet zone, then every dark module as a square: one fill, black on white (never reversed).
      const m = item.size / (item.count + 2 * item.quiet);
      doc.save().rect(item.x, y, item.size, item.size).fill('#ffffff');
      for (let r = 0; r < item.count; r++)
        for (let c = 0; c < item.count; c++)
          if (item.modules[r * item.count + c]) doc.rect(item.x + (c + item.quiet) * m, y + (r + item.quiet) * m, m, m);
      doc.fill('#000000').restore();
      return;
    }
    case 'rect':
      marks.artifact(artifactType);
      doc.rect(item.x, top + item.y, item.width, item.height).fill(item.fill);
      return;
    case 'line':
      marks.artifact(artifactType);
      doc
        .save()
        .moveTo(item.x1, top + item.y1)
        .lineTo(item.x2, top + item.y2)
        .lineWidth(item.width)
        .strokeColor(item.color)
        .stroke()
        .restore();
      return;
    case 'image': {
      const image = images.get(item.url);
      const vector = svgImages.get(item.url);
      if (!image && vector === undefined) return;
      const y = top + item.y;
      if (item.node) marks.content(item.node, [item.x, y, item.x + item.width, y + item.height]);
      else marks.artifact('Layout');
      if (vector !== undefined) svg(vector, item.x, y, item.width, item.height);
      else doc.image(image as unknown as Buffer, item.x, y, { width: item.width, height: item.height });
      return;
    }
    case 'text': {
      const baseline = top + item.y;
      if (item.node) marks.content(item.node);
      else marks.artifact(artifactType);
      doc
        .font(item.font)
        .fontSize(item.size)
        .fillColor(item.color)
        .text(item.text, item.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      if (item.link && item.node) {
        const thickness = Math.max(0.5, item.size / 16);
        doc
          .save()
          .moveTo(item.x, baseline + item.size * 0.12)
          .lineTo(item.x + item.width, baseline + item.size * 0.12)
          .lineWidth(thickness)
          .strokeColor(item.color)
          .stroke()
          .restore();
        const height = item.size * 1.2;
        // pdfkit writes option strings as PDF names; a String object becomes a text string.
        doc.link(item.x, baseline - item.size * 0.95, item.width, height, item.link, {
          structParent: marks.tree.ensure(item.node),
          Contents: new String(item.node.alt ?? item.link) as unknown as string,
        });
      }
      return;
    }
  }
}

function drawIcon(doc: Doc, item: Extract<Item, { kind: 'icon' }>, top: number): void {
  const y = top + item.y;
  if (item.icon === 'disc') {
    doc
      .save()
      .circle(item.x + item.size / 2, y + item.size / 2, item.size / 2)
      .fill(item.color)
      .restore();
    return;
  }
  if (item.icon === 'checkbox') {
    const w = Math.max(1, item.size / 12);
    doc
      .save()
      .rect(item.x + w / 2, y + w / 2, item.size - w, item.size - w)
      .lineWidth(w)
      .strokeColor(item.color)
      .stroke()
      .restore();
    return;
  }
  doc
    .save()
    .translate(item.x, y)
    .scale(item.size / 24)
    .path(ICON_PATHS[item.icon])
    .fill(item.color, 'even-odd')
    .restore();
}

/** What pdfkit's openImage() returns; PNG images finish embedding in finalize(). */
interface PdfImage {
  embed(doc: Doc): void;
  finalize?: () => void;
}

/**
 * Embeds every image once, one after the other. pdfkit decodes PNGs with alpha asynchronously and
 * numbers their soft-mask object when the decoding ends; images decoded in parallel would get those
 * numbers in a random order, and two builds would differ.
 */
async function embedImages(doc: Doc, input: DrawInput): Promise<Map<string, PdfImage>> {
  const open = (doc as unknown as { openImage(src: Buffer): PdfImage }).openImage.bind(doc);
  const out = new Map<string, PdfImage>();
  for (const page of input.pages) {
    for (const { slice } of page.slices) {
      for (const item of slice.items) {
        const bytes =
          item.kind === 'image' && !out.has(item.url) && !input.svgImages?.has(item.url)
            ? input.images.get(item.url)
            : undefined;
        if (item.kind !== 'image' || !bytes) continue;
        const image = open(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        await new Promise<void>((resolve) => {
          const finalize = image.finalize?.bind(image);
          if (finalize) {
            image.finalize = () => {
              finalize();
              resolve();
            };
          }
          image.embed(doc);
          if (!finalize) resolve();
        });
        out.set(item.url, image);
      }
    }
  }
  return out;
}

interface Tree {
  ensure(node: StructNode, bbox?: [number, number, number, number]): Elem;
  endPage(): void;
  end(): void;
}

/**
 * Creates each structure element when its first content is drawn and attaches it to its parent
 * then, so the tree follows reading order. A link gets one element per page, ended with the page:
 * pdfkit points a link annotation's OBJR at the page that is current when the element is flushed.
 */
function structureTree(doc: Doc, root: StructNode): Tree {
  const elems = new Map<StructNode, Elem>();
  const rootElem = doc.struct('Document');
  doc.addStructure(rootElem);
  elems.set(root, rootElem);
  let links: StructNode[] = [];
  const ensure = (node: StructNode, bbox?: [number, number, number, number]): Elem => {
    const existing = elems.get(node);
    if (existing) return existing;
    const parent = ensure(node.parent ?? root);
    const options: PDFKit.Mixins.StructureElementOptions = {};
    if (node.type === 'Figure' || node.type === 'Formula')
      Object.assign(options, { alt: node.alt, placement: node.placement ?? 'Block', ...(bbox ? { bbox } : {}) });
    if (node.scope) options.scope = node.scope;
    if (node.lang) options.lang = node.lang;
    const elem = doc.struct(node.type, options);
    parent.add(elem);
    elems.set(node, elem);
    if (node.type === 'Link') links.push(node);
    return elem;
  };
  return {
    ensure,
    endPage() {
      for (const node of links) {
        elems.get(node)?.end();
        elems.delete(node);
      }
      links = [];
    },
    end: () => rootElem.end(),
  };
}

interface Marker {
  tree: Tree;
  content(node: StructNode, bbox?: [number, number, number, number]): void;
  artifact(type: 'Pagination' | 'Layout'): void;
  close(): void;
}

/** One marked-content sequence per run of items of the same node; never spans a page. */
function marker(doc: Doc, tree: Tree): Marker {
  let open: StructNode | 'Pagination' | 'Layout' | null = null;
  const close = () => {
    if (open !== null) doc.endMarkedContent();
    open = null;
  };
  return {
    tree,
    content(node, bbox) {
      if (open === node) return;
      close();
      const elem = tree.ensure(node, bbox);
      elem.add(doc.markStructureContent(node.type));
      open = node;
    },
    artifact(type) {
      if (open === type) return;
      close();
      doc.markContent('Artifact', { type });
      open = type;
    },
    close,
  };
}

/** Bookmarks: H2 at the top level, H3 under the H2 before it (any level nests under a smaller one). */
function outliner(doc: Doc, pageWidth: number) {
  const stack: { level: number; item: PDFKit.PDFOutline }[] = [];
  return (bookmark: { title: string; level: number }, top: number) => {
    if (bookmark.level > 3 || !bookmark.title) return;
    while (stack.length && stack[stack.length - 1]!.level >= bookmark.level) stack.pop();
    const parent = stack[stack.length - 1]?.item ?? doc.outline;
    // pdfkit computes the destination's left edge as page width − left, so this makes it 0.
    const item = parent.addItem(bookmark.title, { top: Math.max(0, top - 12), left: pageWidth, expanded: true });
    stack.push({ level: bookmark.level, item });
  };
}
