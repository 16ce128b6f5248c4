import { fontBytes } from './files.js';

/**
 * Fonts for a self-contained page: each face cut down to the characters the page shows (harfbuzz's
 * hb-subset, via subset-font), as `@font-face` rules with data: URLs, which a CSP of `font-src data:`
 * allows. The whole DejaVu Sans is 740 KiB a face; the subset of a deck is about 10 KiB.
 * Layout closure is off and only kerning is kept (deckhand's themes switch ligatures off): the subset
 * then takes about a millisecond instead of tens, and the glyphs are the ones the text maps to.
 */

/** One face as CSS names it: the family, weight and style, and its font file. */
export interface WebFace {
  family: string;
  file: string;
  weight: 'normal' | 'bold';
  style: 'normal' | 'italic';
}

// Printable ASCII is always in: page numbers, and text a viewer types or the page changes later.
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const MAX_CACHE = 200;
const cache = new Map<string, Promise<string>>();

/** `@font-face` rules for `faces`, each holding the glyphs of `text` (plus printable ASCII). */
export async function fontFaceCss(faces: readonly WebFace[], text: string): Promise<string> {
  const chars = [...new Set(ASCII + text.replace(/[\u0000-\u001f]/g, ''))].sort().join('');
  const rules = await Promise.all(faces.map((f) => face(f, chars)));
  return rules.join('\n');
}

function face(web: WebFace, chars: string): Promise<string> {
  const id = `${web.family}\u0000${web.weight}\u0000${web.style}\u0000${web.file}\u0000${chars}`;
  let rule = cache.get(id);
  if (!rule) {
    if (cache.size >= MAX_CACHE) cache.clear();
    rule = subset(web, chars);
    cache.set(id, rule);
  }
  return rule;
}

async function subset({ family, file, weight, style }: WebFace, chars: string): Promise<string> {
  const { default: subsetFont } = await import('subset-font');
  const bytes = await subsetFont(fontBytes(file), chars, {
    targetFormat: 'truetype',
    noLayoutClosure: true,
    keepFeatures: ['kern'],
    noHinting: true,
  });
  const data = Buffer.from(bytes).toString('base64');
  return (
    `@font-face{font-family:"${family.replace(/["\\]/g, '')}";font-weight:${weight};font-style:${style};` +
    `font-display:block;src:url(data:font/ttf;base64,${data}) format("truetype")}`
  );
}
