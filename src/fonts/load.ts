import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import type { FontKey } from './metrics.js';
import type { Metrics } from './metrics.js';
import { keepDecodedGlyphs } from '../patches/fontkit-glyphs.js';

/**
 * DejaVu from the `dejavu-fonts-ttf` package: TrueType (pdfkit mis-renders WOFF2), one family that
 * covers Latin, Greek and the symbols medical text uses (≥ ≤ ± µ α β →). Never PDFKit's Helvetica:
 * it is not embedded and turns anything outside WinAnsi into garbage.
 */
const FILES: Record<FontKey, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
  monoBold: 'DejaVuSansMono-Bold.ttf',
  math: 'DejaVuMathTeXGyre.ttf',
};

export interface FontSet {
  fonts: Record<FontKey, Font>;
  metrics: Metrics;
}

let loading: Promise<FontSet> | undefined;

/** Parses each font once per process; every handout of a build shares them. */
export function loadFonts(): Promise<FontSet> {
  loading ??= (async () => {
    const fontkit = await import('fontkit');
    const require = createRequire(import.meta.url);
    const fonts = {} as Record<FontKey, Font>;
    for (const [key, file] of Object.entries(FILES) as [FontKey, string][]) {
      fonts[key] = fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
    }
    keepDecodedGlyphs(fonts.regular);
    return { fonts, metrics: fontkitMetrics(fonts) };
  })();
  return loading;
}

// Widths are cached per font and string in font units, so every size shares an entry. Layout measures
// word by word, as pdfkit does when it draws, so the two agree (kerning included).
const MAX_CACHE = 100_000;

function fontkitMetrics(fonts: Record<FontKey, Font>): Metrics {
  const caches = new Map<FontKey, Map<string, number>>();
  return {
    width(text, key, size) {
      const font = fonts[key];
      let cache = caches.get(key);
      if (!cache) caches.set(key, (cache = new Map()));
      let units = cache.get(text);
      if (units === undefined) {
        if (cache.size >= MAX_CACHE) cache.clear();
        units = font.layout(text).advanceWidth;
        cache.set(text, units);
      }
      return (units * size) / font.unitsPerEm;
    },
    ascent: (key) => fonts[key].ascent / fonts[key].unitsPerEm,
    descent: (key) => -fonts[key].descent / fonts[key].unitsPerEm,
    hasGlyph: (key, codePoint) => fonts[key].hasGlyphForCodePoint(codePoint),
  };
}
