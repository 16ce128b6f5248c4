import type { FontKey } from './metrics.js';
import { FONT_FAMILY, fontFile } from './files.js';

/**
 * Fonts for a self-contained page: each face cut down to the characters the page shows (harfbuzz's
 * hb-subset, via subset-font), as `@font-face` rules with data: URLs, which a CSP of `font-src data:`
 * allows. The whole DejaVu Sans is 740 KiB a face; the subset of a deck is about 10 KiB.
 * Layout closure is off and only kerning is kept (deckhand's themes switch ligatures off): the subset
 * then takes about a millisecond instead of tens, and the glyphs are the ones the text maps to.
 */

const STYLE: Record<FontKey, { weight: string; style: string }> = {
  regular: { weight: 'normal', style: 'normal' },
  bold: { weight: 'bold', style: 'normal' },
  italic: { weight: 'normal', style: 'italic' },
  boldItalic: { weight: 'bold', style: 'italic' },
  mono: { weight: 'normal', style: 'normal' },
  monoBold: { weight: 'bold', style: 'normal' },
  math: { weight: 'normal', style: 'normal' },
};

// Printable ASCII is always in: page numbers, and text a viewer types or the page changes later.
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const MAX_CACHE = 200;
const cache = new Map<string, Promise<string>>();

/** `@font-face` rules for `faces`, each holding the glyphs of `text` (plus printable ASCII). */
export async function fontFaceCss(faces: readonly FontKey[], text: string): Promise<string> {
  const chars = [...new Set(ASCII + text.replace(/[\u0000-\u001f]/g, ''))].sort().join('');
  const rules = await Promise.all(faces.map((key) => face(key, chars)));
  return rules.join('\n');
}

function face(key: FontKey, chars: string): Promise<string> {
  const id = `${key}\u0000${chars}`;
  let rule = cache.get(id);
  if (!rule) {
    if (cache.size >= MAX_CACHE) cache.clear();
    rule = subset(key, chars);
    cache.set(id, rule);
  }
  return rule;
}

async function subset(key: FontKey, chars: string): Promise<string> {
  const { default: subsetFont } = await import('subset-font');
  const bytes = await subsetFont(fontFile(key), chars, {
    targetFormat: 'truetype',
    noLayoutClosure: true,
    keepFeatures: ['kern'],
    noHinting: true,
  });
  const { weight, style } = STYLE[key];
  return `@font-face{font-family:"${FONT_FAMILY[key]}";font-weight:${weight};font-style:${style};font-display:block;src:url(data:font/ttf;base64,${Buffer.from(bytes).toString('base64')}) format("truetype")}`;
}
