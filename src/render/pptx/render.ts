import { BUILTIN_THEMES } from '../../config/themes.js';
import { Codes } from '../../errors/codes.js';
import { warning, type Diagnostic } from '../../errors/diagnostic.js';
import { themePalette } from '../../themes/palette.js';
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
  const out = buildPackage({
    deck,
    look,
    images: input.images,
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
      warning(Codes.render, `${where}: ${out.formulas} formula(s) shown as their TeX source`, {
        hint: 'slides.pptx has no math typesetting yet; slides.html and slides.pdf show the formulas',
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

export { prepareDeckParser as preparePptx };
