/** The faces a handout uses; each is one font file. */
export type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'mono' | 'monoBold' | 'math';

/**
 * What layout needs to know about fonts. The real implementation reads the DejaVu files with
 * fontkit (fonts.ts); tests pass fake metrics so layout rules can be checked without any font.
 */
export interface Metrics {
  /** Advance width of `text` in points. */
  width(text: string, font: FontKey, size: number): number;
  /** Ascender and descender as fractions of the font size (both positive). */
  ascent(font: FontKey): number;
  descent(font: FontKey): number;
  hasGlyph(font: FontKey, codePoint: number): boolean;
}

/** Which fonts to try, in order, for a character the style's own font lacks (pdfkit has no fallback). */
export const FALLBACKS: Record<FontKey, FontKey[]> = {
  regular: ['regular', 'math'],
  bold: ['bold', 'regular', 'math'],
  italic: ['italic', 'regular', 'math'],
  boldItalic: ['boldItalic', 'bold', 'italic', 'regular', 'math'],
  mono: ['mono', 'regular', 'math'],
  monoBold: ['monoBold', 'mono', 'bold', 'regular', 'math'],
  math: ['math', 'regular'],
};
