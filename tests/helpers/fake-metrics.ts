import type { FontKey } from '../../src/render/handout-pdf/flow.js';
import { fallbackChain, type Metrics } from '../../src/fonts/metrics.js';

/**
 * Monospaced fake font metrics for layout tests: every character is half an em wide (bold 0.6),
 * ascent 0.8, descent 0.2. `missing` lists characters no font has; `missingIn` per font; `families` is
 * the length of the font chain (`regular.1` is the second family's regular).
 */
export function fakeMetrics(missing = '🚀', missingIn: Partial<Record<FontKey, string>> = {}, families = 1): Metrics {
  return {
    width: (text, font, size) => [...text].length * size * (font === 'bold' ? 0.6 : 0.5),
    ascent: () => 0.8,
    descent: () => 0.2,
    hasGlyph: (font, cp) =>
      !missing.includes(String.fromCodePoint(cp)) && !(missingIn[font] ?? '').includes(String.fromCodePoint(cp)),
    fallbacks: (font) => fallbackChain(font, families),
  };
}
