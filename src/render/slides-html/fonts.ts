import { fontFaceCss } from '../../fonts/embed.js';
import type { FontKey } from '../../fonts/metrics.js';
import type { RenderedDeck } from './marp.js';

/**
 * The page's own CSS beside the theme's: the deck's accent colour (`slides.accent`), and the fonts of a
 * theme that names DejaVu (the deckhand themes, and custom themes built on them) embedded as data:
 * fonts cut down to the deck's characters, so the deck looks the same on every machine and as the
 * handout does, with the metrics the slide planner measured with.
 */
export async function deckCss(deck: RenderedDeck, accent: string | null): Promise<string> {
  const accentCss = accent ? `.marpit{--dh-deck-accent:${accent}}\n` : '';
  if (!/["']DejaVu Sans["']/.test(deck.css)) return accentCss;
  const faces: FontKey[] = ['regular', 'bold'];
  if (/<(em|i)\b/.test(deck.html)) faces.push('italic', 'boldItalic');
  if (/<(code|pre)\b/.test(deck.html)) faces.push('mono', 'monoBold');
  return `${await fontFaceCss(faces, visibleText(deck.html))}\n${accentCss}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The characters a page shows: its text between tags (with entities decoded), and its alt texts. */
function visibleText(html: string): string {
  const text = html
    .replace(/<(style|script)[\s\S]*?<\/\1>/g, '')
    .replace(/<svg(?![^>]*data-marpit-svg)[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]*>/g, ' ');
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}
