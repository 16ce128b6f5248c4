import { fontFaceCss, type WebFace } from '../../fonts/embed.js';
import { DEFAULT_FAMILY, monoFile, TEXT_ROLES, builtInFamily } from '../../fonts/files.js';
import type { Family, FontChoice, TextRole } from '../../fonts/files.js';
import { resolveChain } from '../../fonts/load.js';
import type { RenderedDeck } from './marp.js';

/**
 * The page's own CSS beside the theme's: the deck's accent colour (`slides.accent`), and the fonts the
 * deck shows, embedded as data: fonts cut down to the deck's characters, so the deck looks the same on
 * every machine and as the handout does. A built-in family the theme names (the deckhand themes name
 * DejaVu Sans) is embedded; a handout chain whose first family is another one (`handout.fonts`) makes
 * that family the deck's text font too, with DejaVu Sans after it for the characters it lacks (the
 * browser falls back per character, as the handout's chain does). Code keeps DejaVu Sans Mono.
 */
export async function deckCss(
  deck: RenderedDeck,
  accent: string | null,
  chain: readonly FontChoice[] = [],
): Promise<string> {
  const accentCss = accent ? `.marpit{--dh-deck-accent:${accent}}\n` : '';
  const families = resolveChain(chain);
  const first = families[0]!.name !== DEFAULT_FAMILY;
  const named = first ? families : themeFamilies(deck.css);
  if (!named.length) return accentCss;
  const roles: TextRole[] = /<(em|i)\b/.test(deck.html) ? [...TEXT_ROLES] : ['regular', 'bold'];
  const faces: WebFace[] = named.flatMap((f) =>
    roles.map((role) => ({ family: f.name, file: f.files[role], ...CSS_STYLE[role] })),
  );
  if (/<(code|pre)\b/.test(deck.html) && mentions(deck.css, 'DejaVu Sans Mono')) {
    faces.push({ family: 'DejaVu Sans Mono', file: monoFile(false), weight: 'normal', style: 'normal' });
    faces.push({ family: 'DejaVu Sans Mono', file: monoFile(true), weight: 'bold', style: 'normal' });
  }
  const override = first ? familyOverride(named.map((f) => f.name)) : '';
  return `${await fontFaceCss(faces, visibleText(deck.html))}\n${override}${accentCss}`;
}

const CSS_STYLE: Record<TextRole, Pick<WebFace, 'weight' | 'style'>> = {
  regular: { weight: 'normal', style: 'normal' },
  bold: { weight: 'bold', style: 'normal' },
  italic: { weight: 'normal', style: 'italic' },
  boldItalic: { weight: 'bold', style: 'italic' },
};

/** The built-in families a theme's CSS names. */
function themeFamilies(css: string): Family[] {
  const out: Family[] = [];
  for (const name of ['Atkinson Hyperlegible', DEFAULT_FAMILY]) if (mentions(css, name)) out.push(builtInFamily(name)!);
  return out;
}

function mentions(css: string, family: string): boolean {
  return new RegExp(`["']${family.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`).test(css);
}

// Over any theme's text font (code and preformatted text keep theirs). Marp scopes theme rules as
// `div.marpit > svg > foreignObject > section …`, more specific than a page rule: hence !important.
function familyOverride(names: string[]): string {
  const list = [...names.map((n) => `"${n.replace(/["\\]/g, '')}"`), 'sans-serif'].join(',');
  return `.marpit section,.marpit section :not(pre,code,pre *,code *,svg *)` + `{font-family:${list} !important}\n`;
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
