import { BUILTIN_THEMES } from '../../config/themes.js';
import { Codes } from '../../errors/codes.js';
import { warning, type Diagnostic } from '../../errors/diagnostic.js';
import { themePalette } from '../../themes/palette.js';
import type { Formula } from '../../math/types.js';
import type { Block, Deck } from '../deck/model.js';
import { parseDeck, prepareDeckParser } from '../deck/parse.js';
import type { RenderInput, RenderOutput } from '../types.js';
import { officeFont, officeLang, type Look } from './look.js';
import { buildPackage } from './package.js';

/** `slides.pptx` from the deck's Marp Markdown: the same slides as slides.html, as editable PowerPoint. */
export async function renderPptx(input: RenderInput): Promise<RenderOutput> {
  const { config, audience, topic } = input;
  const known = (name: string) =>
    (BUILTIN_THEMES as readonly string[]).includes(name) || config.themes.some((t) => t.name === name);
  const deck = await parseDeck(input.markdown, { knownTheme: known });
  const themeName = deck.theme ?? audience.slides.theme;
  const custom = config.themes.find((t) => t.name === themeName);
  const palette = themePalette(themeName, custom?.css);
  const size = deck.size ?? audience.slides.size;
  const font = officeFont(palette.font);
  const look: Look = {
    palette,
    width: size === '4:3' ? 960 : 1280,
    height: 720,
    font,
    mono: font === 'DejaVu Sans' ? 'DejaVu Sans Mono' : 'Consolas',
    lang: officeLang(topic.lang),
  };
  // Display formulas typeset ahead (the package is written synchronously); the math engine and the SVG
  // rasterizer load only for a deck that has formulas or SVG pictures.
  const used = deckUses(deck);
  const formulas = new Map<string, Formula>();
  if (used.tex.length) {
    const { typeset, key } = await import('../../math/engine.js');
    const done = await typeset(used.tex.map((tex) => ({ tex, display: true })));
    for (const tex of used.tex) {
      const r = done.get(key(tex, true));
      if (r?.ok) formulas.set(tex, r.formula);
    }
  }
  const svg = used.urls.some((u) => (input.images.get(u) ?? input.images.get(encodeURI(u)))?.type === 'svg');
  const rasterize = formulas.size || svg ? await (await import('./raster.js')).loadRasterizer() : null;
  const out = buildPackage({
    deck,
    look,
    images: input.images,
    formulas,
    rasterize,
    meta: {
      title: deck.meta.title ?? topic.title,
      authors: topic.authors,
      ...(topic.subtitle ? { subject: topic.subtitle } : {}),
      generator: `deckhand ${input.version}`,
    },
    date: input.date,
  });
  const where = `${topic.slug}/${audience.name}/slides.pptx`;
  const diagnostics: Diagnostic[] = out.warnings.map((m) => warning(Codes.render, `${where}: ${m}`));
  if (out.formulas > 0)
    diagnostics.push(
      warning(Codes.render, `${where}: ${out.formulas} inline formula(s) shown as their TeX source`, {
        hint:
          'a line of PowerPoint text cannot hold a picture, and these have no faithful linear form ' +
          '(matrices, environments, rarer commands): make them display formulas ($$…$$), which are pictures',
      }),
    );
  if (palette.approximate)
    diagnostics.push(
      warning(Codes.render, `${where}: the custom theme "${themeName}" is approximated from its plain CSS properties`, {
        hint: 'colours, fonts and sizes declared on section, h1, h2 and a are used; other styling is not',
      }),
    );
  return { bytes: out.bytes, pages: deck.slides.length, diagnostics };
}

/** The display formulas (TeX) and image URLs a deck's slides use. */
function deckUses(deck: Deck): { tex: string[]; urls: string[] } {
  const tex = new Set<string>();
  const urls = new Set<string>();
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'math') tex.add(b.tex);
      else if (b.kind === 'image') urls.add(b.url);
      else if (b.kind === 'list') b.items.forEach(walk);
      else if (b.kind === 'quote' || b.kind === 'callout') walk(b.blocks);
      else if (b.kind === 'definitions') b.items.forEach((i) => i.definitions.forEach(walk));
    }
  };
  for (const slide of deck.slides) {
    walk(slide.blocks);
    for (const b of slide.backgrounds) urls.add(b.url);
  }
  return { tex: [...tex], urls: [...urls] };
}

export { prepareDeckParser as preparePptx };
