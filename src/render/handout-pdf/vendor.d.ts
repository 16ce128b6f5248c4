// Types the handout typesetter needs and its dependencies do not ship (see shared reference
// libraries.md §2.6: @types/pdfkit 0.17 lags pdfkit 0.20; fontkit and markdown-it-deflist ship none).

declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
  }
  export interface GlyphRun {
    advanceWidth: number;
    glyphs: Glyph[];
  }
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): GlyphRun;
    getGlyph(id: number): Glyph;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}

declare module 'markdown-it-deflist' {
  import type { PluginSimple } from 'markdown-it';
  const deflist: PluginSimple;
  export default deflist;
}

declare module 'markdown-it-container' {
  import type { PluginWithParams } from 'markdown-it';
  const container: PluginWithParams;
  export default container;
}

declare namespace PDFKit.Mixins {
  interface StructureElementOptions {
    bbox?: [number, number, number, number];
    placement?: 'Block' | 'Inline';
    scope?: 'Row' | 'Column' | 'Both';
  }
  interface AnnotationOption {
    structParent?: PDFKit.PDFStructureElement;
  }
}

declare namespace PDFKit {
  interface PDFOutline {
    addItem(
      title: string,
      options?: { expanded?: boolean; pageNumber?: number; top?: number; left?: number; fit?: boolean },
    ): PDFOutline;
  }
}
