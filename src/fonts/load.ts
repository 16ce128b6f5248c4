import type { Font } from 'fontkit';
import type { FontKey } from './metrics.js';
import type { Metrics } from './metrics.js';
import { keepDecodedGlyphs } from '../patches/fontkit-glyphs.js';
import { FONT_FILES, fontFile } from './files.js';

export interface FontSet {
  fonts: Record<FontKey, Font>;
  metrics: Metrics;
}

let loading: Promise<FontSet> | undefined;

/** Parses each font once per process; every handout of a build shares them. */
export function loadFonts(): Promise<FontSet> {
  loading ??= (async () => {
    const fontkit = await import('fontkit');
    const fonts = {} as Record<FontKey, Font>;
    for (const key of Object.keys(FONT_FILES) as FontKey[]) fonts[key] = fontkit.create(fontFile(key));
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
