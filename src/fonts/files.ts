import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A font family as a handout chain names it: built-in by name, or the project's files (absolute paths). */
export type FontChoice =
  string | { name: string; regular: string; bold?: string; italic?: string; boldItalic?: string };

/** The four faces of a text family. */
export type TextRole = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const TEXT_ROLES: readonly TextRole[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** A family as the typesetter uses it: its name and one font file (absolute path) per face. */
export interface Family {
  name: string;
  files: Record<TextRole, string>;
}

/**
 * The built-in families, each from a registry package: TrueType (pdfkit mis-renders WOFF2). Never
 * PDFKit's Helvetica: it is not embedded and turns anything outside WinAnsi into garbage.
 * DejaVu Sans covers Latin, Greek, Cyrillic and the symbols medical text uses (≥ ≤ ± µ α β →) and ends
 * every chain; Atkinson Hyperlegible (Braille Institute, SIL OFL) is made for low-vision readers but has
 * Latin only (no arrows, Greek or check marks): the chain sets those in DejaVu.
 */
const BUILT_IN: Record<string, Record<TextRole, string>> = {
  'DejaVu Sans': {
    regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
    italic: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
    boldItalic: 'dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf',
  },
  'Atkinson Hyperlegible': {
    regular: atkinson('400Regular'),
    bold: atkinson('700Bold'),
    italic: atkinson('400Regular_Italic'),
    boldItalic: atkinson('700Bold_Italic'),
  },
};

function atkinson(face: string): string {
  return `@expo-google-fonts/atkinson-hyperlegible/${face}/AtkinsonHyperlegible_${face}.ttf`;
}

/** The family every chain ends with, and the default one. */
export const DEFAULT_FAMILY = 'DejaVu Sans';
export const BUILT_IN_FAMILIES: readonly string[] = Object.keys(BUILT_IN);

/** Code and formulas' fallback: always DejaVu (monospaced code is not a brand choice). */
const MONO = {
  mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
  monoBold: 'dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf',
};
const MATH = 'dejavu-fonts-ttf/ttf/DejaVuMathTeXGyre.ttf';

const require = createRequire(import.meta.url);

/** A built-in family by its exact name, with absolute paths; undefined for any other name. */
export function builtInFamily(name: string): Family | undefined {
  const specs = BUILT_IN[name];
  if (!specs) return undefined;
  const files = {} as Record<TextRole, string>;
  for (const role of TEXT_ROLES) files[role] = require.resolve(specs[role]);
  return { name, files };
}

export function monoFile(bold: boolean): string {
  return require.resolve(bold ? MONO.monoBold : MONO.mono);
}

export function mathFile(): string {
  return require.resolve(MATH);
}

const cache = new Map<string, Buffer>();

/** The bytes of a font file, read once per process (a watch rebuild reuses them). */
export function fontBytes(path: string): Buffer {
  let bytes = cache.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    cache.set(path, bytes);
  }
  return bytes;
}
