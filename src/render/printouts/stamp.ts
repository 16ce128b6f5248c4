import type { PDFPage } from 'pdf-lib';
import type { ExactFrame } from './deck-look.js';

// `miniatures: exact`: the slide pages Chromium printed, stamped into the frames of the printout PDFKit drew.
// pdf-lib copies a page's content and resources into a form XObject (text stays text, fonts embedded), drawn
// as an Artifact: the frame's Figure in the structure tree says what it shows (its alt text), so a screen
// reader does not also read the slide's text twice. pdf-lib keeps neither the source's links nor its tags;
// each link is made again over its place in the frame. Loaded with `updateMetadata: false` (no Producer or
// ModDate of its own), so the bytes stay reproducible.

/** A frame on a page of the printout (0-based page index). */
export interface Stamp extends ExactFrame {
  page: number;
}

export async function stampSlides(
  printout: Uint8Array,
  slides: Uint8Array,
  stamps: readonly Stamp[],
): Promise<Uint8Array> {
  if (!stamps.length) return printout;
  const mod = (await import('pdf-lib')) as typeof import('pdf-lib') & { default?: typeof import('pdf-lib') };
  // CommonJS seen from ESM (bundled or not): the API may sit on `default`.
  const lib = mod.PDFDocument ? mod : mod.default!;
  const { PDFDocument, PDFName, PDFArray, PDFDict, PDFNumber, PDFString, PDFHexString } = lib;
  const doc = await PDFDocument.load(printout, { updateMetadata: false });
  const source = await PDFDocument.load(slides, { updateMetadata: false });
  const used = [...new Set(stamps.map((s) => s.slide))].sort((a, b) => a - b);
  const embedded = await doc.embedPdf(source, used);
  const bySlide = new Map(used.map((s, i) => [s, embedded[i]!]));
  const pages = doc.getPages();
  const wrapped = new Set<PDFPage>();

  for (const s of stamps) {
    const page = pages[s.page]!;
    const slide = bySlide.get(s.slide)!;
    if (!wrapped.has(page)) {
      // PDFKit leaves its flipped coordinate system in force at the end of a page: put its content in q … Q,
      // so the stamps that follow are drawn in PDF's own coordinates.
      page.node.normalize();
      const start = doc.context.register(doc.context.contentStream([lib.pushGraphicsState()]));
      const end = doc.context.register(doc.context.contentStream([lib.popGraphicsState()]));
      page.node.wrapContentStreams(start, end);
      wrapped.add(page);
    }
    const sx = s.width / slide.width;
    const sy = s.height / slide.height;
    const x = s.x;
    const y = page.getHeight() - s.y - s.height;
    page.pushOperators(lib.beginMarkedContent('Artifact'));
    page.drawPage(slide, { x, y, xScale: sx, yScale: sy });
    page.pushOperators(lib.endMarkedContent());

    // The slide's links, over the same words in the frame.
    const annots = source.getPage(s.slide).node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict);
      if (annot.lookup(PDFName.of('Subtype'))?.toString() !== '/Link') continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
      const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray);
      if (!uri || !rect || rect.size() !== 4) continue;
      const [x1, y1, x2, y2] = [0, 1, 2, 3].map((k) => rect.lookup(k, PDFNumber).asNumber()) as [
        number,
        number,
        number,
        number,
      ];
      const box = source.getPage(s.slide).getMediaBox();
      const link = doc.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [x + (x1 - box.x) * sx, y + (y1 - box.y) * sy, x + (x2 - box.x) * sx, y + (y2 - box.y) * sy],
        Border: [0, 0, 0],
        F: 4,
        Contents: PDFString.of(uri.decodeText()),
        A: { Type: 'Action', S: 'URI', URI: PDFString.of(uri.decodeText()) },
      });
      const ref = doc.context.register(link);
      const list = page.node.Annots() ?? doc.context.obj([]);
      list.push(ref);
      page.node.set(PDFName.of('Annots'), list);
    }
  }
  return doc.save({ useObjectStreams: false });
}
