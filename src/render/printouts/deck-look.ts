import { BUILTIN_THEMES } from '../../config/themes.js';
import { Codes } from '../../errors/codes.js';
import { warning, type Diagnostic } from '../../errors/diagnostic.js';
import { loadFonts, type FontSet } from '../../fonts/load.js';
import { themePalette, type ThemePalette } from '../../themes/palette.js';
import type { Deck } from '../deck/model.js';
import { parseDeck } from '../deck/parse.js';
import { toBlocks, type Block } from '../handout-pdf/blocks.js';
import type { StructNode } from '../handout-pdf/flow.js';
import { formulasIn, type Formulas } from '../handout-pdf/layout-math.js';
import { parseMarkdown } from '../handout-pdf/markdown.js';
import type { Formula } from '../../math/types.js';
import { RenderError, type RenderInput } from '../types.js';

// What every drawn printout of one deck shares: the deck as Marp splits it (the deck model), the theme's
// palette, the slide size, the notes as blocks, the typeset formulas and the fonts.

export interface DeckLook {
  deck: Deck;
  palette: ThemePalette;
  themeName: string;
  placement: { middle: boolean; centred: boolean };
  size: { width: number; height: number };
  /** Each slide's speaker notes as typesetter blocks (empty: no notes). */
  notes: Block[][];
  formulas: Formulas;
  fonts: FontSet;
  imageSizes: Map<string, { width: number; height: number }>;
  images: Map<string, Uint8Array>;
  svgImages: Map<string, string>;
  diagnostics: Diagnostic[];
  /**
   * `miniatures: exact`: each frame's Figure → the slide page to stamp into it (filled while laying out);
   * absent: the miniatures are drawn.
   */
  exact?: Map<StructNode, ExactFrame>;
}

/** Where a slide page goes: its index and the frame, in points from the page's top left. */
export interface ExactFrame {
  slide: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where Marp's themes put a slide's content (marp-core 5: `place-content: safe center` on default and uncover). */
const PLACEMENT: Record<string, { middle: boolean; centred: boolean }> = {
  default: { middle: true, centred: false },
  uncover: { middle: true, centred: true },
  gaia: { middle: false, centred: false },
};

export async function deckLook(input: RenderInput, where: string, exact = false): Promise<DeckLook> {
  const { config, audience } = input;
  const known = (name: string) =>
    (BUILTIN_THEMES as readonly string[]).includes(name) || config.themes.some((t) => t.name === name);
  const [deck, fonts] = await Promise.all([parseDeck(input.markdown, { knownTheme: known }), loadFonts()]);
  const themeName = deck.theme ?? audience.slides.theme;
  const custom = config.themes.find((t) => t.name === themeName);
  const palette = themePalette(themeName, custom?.css);
  const base = custom ? (/@import\s+(?:url\()?\s*["']([\w-]+)["']/.exec(custom.css)?.[1] ?? 'default') : themeName;
  const placement = PLACEMENT[base] ?? PLACEMENT.default!;
  const size =
    (deck.size ?? audience.slides.size) === '4:3' ? { width: 960, height: 720 } : { width: 1280, height: 720 };
  const notes = await Promise.all(
    deck.slides.map(async (s) => (s.notes.length ? toBlocks(await parseMarkdown(noteMarkdown(s.notes))).blocks : [])),
  );
  const diagnostics: Diagnostic[] = [];
  if (palette.approximate && !exact)
    diagnostics.push(
      warning(Codes.miniature, `${where}: the slide miniatures approximate the custom theme "${themeName}"`, {
        hint:
          'they use the colours and font sizes the theme declares as plain properties on section, h1, h2 and a; ' +
          'print with miniatures: exact (Chromium) for the real slides',
      }),
    );
  const all = [
    ...deck.slides.flatMap((s) => [
      ...s.blocks,
      ...[s.header, s.footer].flatMap((i) => (i ? [{ kind: 'paragraph' as const, inlines: i }] : [])),
    ]),
    ...notes.flat(),
  ];
  const formulas = await typesetFormulas(formulasIn(all, []));
  return {
    deck,
    palette,
    themeName,
    placement,
    size,
    notes,
    formulas,
    fonts,
    imageSizes: new Map([...input.images].map(([url, i]) => [url, { width: i.width, height: i.height }])),
    images: new Map([...input.images].map(([url, i]) => [url, i.bytes])),
    svgImages: new Map(
      [...input.images].filter(([, i]) => i.type === 'svg').map(([url, i]) => [url, new TextDecoder().decode(i.bytes)]),
    ),
    diagnostics,
    ...(exact ? { exact: new Map() } : {}),
  };
}

/**
 * A slide's notes as the Markdown they were written in: the template's `note` helper put a zero-width space
 * before lines Marp could read as YAML (`- item`, `key: value`) and inside `<!--` / `-->`; printed, they go.
 */
function noteMarkdown(notes: readonly string[]): string {
  return notes
    .join('\n\n')
    .replace(/^\u200B/gm, '')
    .replace(/<!\u200B--/g, '<!--')
    .replace(/--\u200B(!?)>/g, '--$1>');
}

/** The math engine loads only for decks with formulas. */
async function typesetFormulas(list: { tex: string; display: boolean }[]): Promise<Formulas> {
  const out = new Map<string, Formula>();
  if (!list.length) return out;
  const { typeset } = await import('../../math/engine.js');
  for (const [k, result] of await typeset(list)) {
    if (!result.ok)
      throw new RenderError(
        `the formula "${k.slice(1)}" cannot be typeset: ${result.message}`,
        'correct the TeX between the dollar signs (a literal dollar sign is \\$)',
      );
    out.set(k, result.formula);
  }
  return out;
}
