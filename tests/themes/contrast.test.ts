import { describe, expect, it } from 'vitest';
import { DECKHAND_THEMES, themeColourPairs } from '../../src/themes/deckhand-css.js';

// WCAG 2.2 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio).
const channel = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => channel(c / 255));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('deckhand themes: WCAG 2.2 AA contrast from the theme colours', () => {
  it('the formula matches known values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(DECKHAND_THEMES)('%s: every text and background pair passes', (name) => {
    const failing = themeColourPairs(name)
      .map((p) => ({ ...p, ratio: Math.round(contrast(p.fg, p.bg) * 100) / 100 }))
      .filter((p) => p.ratio < p.min);
    expect(failing).toEqual([]);
    expect(themeColourPairs(name).length).toBeGreaterThanOrEqual(12);
  });
});
