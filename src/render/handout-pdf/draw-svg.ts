type Doc = PDFKit.PDFDocument;

/** Draws an SVG (a formula, a sanitised SVG image) into the box x, y, width × height. */
export type SvgDrawer = (svg: string, x: number, y: number, width: number, height: number, color?: string) => void;

/**
 * SVG as PDF vector graphics, with svg-to-pdfkit: the one well-known SVG renderer for PDFKit
 * (paths, transforms, gradients, clipping, text). Set up so that it cannot reach outside the
 * document: no external SVG documents, only data: images, text in the handout's own embedded
 * fonts (never PDFKit's unembedded standard fonts), and warnings kept, not printed. Callers pass
 * SVG that was sanitised (src/content/svg.ts) or made by the math engine.
 */
export async function drawSvg(doc: Doc): Promise<SvgDrawer> {
  const { default: SVGtoPDF } = await import('svg-to-pdfkit');
  return (svg, x, y, width, height, color) => {
    // MathJax paints in currentColor; the root's `color` is what that resolves to.
    const source = color ? svg.replace(/^<svg\b/, `<svg color="${color}"`) : svg;
    SVGtoPDF(doc as unknown as Parameters<typeof SVGtoPDF>[0], source, x, y, {
      width,
      height,
      preserveAspectRatio: 'xMidYMid meet',
      fontCallback: (_family, bold, italic) =>
        bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular',
      imageCallback: (link) =>
        /^data:image\/(?:png|jpeg);base64,/i.test(link.replace(/\s+/g, '')) ? link.replace(/\s+/g, '') : '',
      documentCallback: () => [],
      warningCallback: () => {},
    });
  };
}
