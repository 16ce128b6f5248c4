import type { TextRole } from './files.js';

export type { TextRole } from './files.js';

/**
 * A face a handout uses. `regular`, `bold`, `italic`, `boldItalic` are the first family of the chain;
 * `bold.1` is the second family's bold, and so on. Code is DejaVu Sans Mono, `math` DejaVu Math.
 */
export type FontKey = TextRole | 'mono' | 'monoBold' | 'math' | `${TextRole}.${number}`;

/**
 * What layout needs to know about fonts. The real implementation reads the font files with fontkit
 * (load.ts); tests pass fake metrics so layout rules can be checked without any font.
 */
export interface Metrics {
  /** Advance width of `text` in points. */
  width(text: string, font: FontKey, size: number): number;
  /** Ascender and descender as fractions of the font size (both positive). */
  ascent(font: FontKey): number;
  descent(font: FontKey): number;
  hasGlyph(font: FontKey, codePoint: number): boolean;
  /** The faces to try, in order, for a character (pdfkit has no fallback); the first is `font` itself. */
  fallbacks(font: FontKey): readonly FontKey[];
}

/** A text role in the family at `index` of the chain. */
export function faceKey(role: TextRole, index: number): FontKey {
  return index === 0 ? role : `${role}.${index}`;
}

/** The role and family index of a text face; null for mono and math. */
export function parseFaceKey(key: FontKey): { role: TextRole; index: number } | null {
  if (key === 'mono' || key === 'monoBold' || key === 'math') return null;
  const [role, index] = key.split('.') as [TextRole, string | undefined];
  return { role, index: index === undefined ? 0 : Number(index) };
}

// A missing glyph is looked for in the same style of every family first (a bold arrow stays bold),
// then in nearer styles, then in DejaVu Math (the one font with the rarer symbols).
const NEARER: Record<TextRole, TextRole[]> = {
  regular: ['regular'],
  bold: ['bold', 'regular'],
  italic: ['italic', 'regular'],
  boldItalic: ['boldItalic', 'bold', 'italic', 'regular'],
};

/** The fallback order for a face in a chain of `families` text families (the last is DejaVu Sans). */
export function fallbackChain(font: FontKey, families: number): FontKey[] {
  const across = (roles: TextRole[]) => roles.flatMap((r) => Array.from({ length: families }, (_, i) => faceKey(r, i)));
  let out: FontKey[];
  if (font === 'math') out = ['math', ...across(['regular'])];
  else if (font === 'mono') out = ['mono', ...across(['regular']), 'math'];
  else if (font === 'monoBold') out = ['monoBold', 'mono', ...across(['bold', 'regular']), 'math'];
  else out = [font, ...across(NEARER[parseFaceKey(font)!.role]), 'math'];
  return [...new Set(out)];
}
