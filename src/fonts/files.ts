import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FontKey } from './metrics.js';

/**
 * DejaVu from the `dejavu-fonts-ttf` package: TrueType (pdfkit mis-renders WOFF2), one family that
 * covers Latin, Greek and the symbols medical text uses (≥ ≤ ± µ α β →). Never PDFKit's Helvetica:
 * it is not embedded and turns anything outside WinAnsi into garbage.
 */
export const FONT_FILES: Record<FontKey, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
  monoBold: 'DejaVuSansMono-Bold.ttf',
  math: 'DejaVuMathTeXGyre.ttf',
};

/** The family name each face belongs to, as CSS and PDF name it. */
export const FONT_FAMILY: Record<FontKey, string> = {
  regular: 'DejaVu Sans',
  bold: 'DejaVu Sans',
  italic: 'DejaVu Sans',
  boldItalic: 'DejaVu Sans',
  mono: 'DejaVu Sans Mono',
  monoBold: 'DejaVu Sans Mono',
  math: 'DejaVu Math TeX Gyre',
};

const cache = new Map<FontKey, Buffer>();

/** The bytes of one face's font file (read once per process): the one place that knows where fonts live. */
export function fontFile(key: FontKey): Buffer {
  let bytes = cache.get(key);
  if (!bytes) {
    const require = createRequire(import.meta.url);
    bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES[key]}`));
    cache.set(key, bytes);
  }
  return bytes;
}
