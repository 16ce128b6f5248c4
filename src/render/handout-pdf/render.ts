import { Codes } from '../../errors/codes.js';
import { warning, type Diagnostic } from '../../errors/diagnostic.js';
import { RenderError, type RenderInput, type RenderOutput } from '../types.js';
import type { Formula } from '../../math/types.js';
import { formulasIn } from './layout-math.js';
import { toBlocks } from './blocks.js';
import { combineHandouts, type TypesetHandout } from './combine.js';
import { drawPdf, type DrawInput } from './draw.js';
import { loadFonts } from '../../fonts/load.js';
import { splitFrontMatter } from './front-matter.js';
import { furniture, layoutHandout } from './layout.js';
import { parseMarkdown } from './markdown.js';
import { balanceLastPage, paginate, usedHeight } from './paginate.js';
import { handoutStyle } from './style.js';
import { mathAsSource } from '../../math/dollars.js';
import { footerFor } from '../../config/lang-text.js';
import { t } from '../../strings/strings.js';
import { lazyHyphenator } from '../../typeset/hyphenation.js';

/** Loads the parser, the fonts and pdfkit ahead of the first handout. */
export async function prepareHandout(): Promise<void> {
  await Promise.all([parseMarkdown(''), loadFonts(), import('pdfkit')]);
}

/** The handout's Markdown → a tagged PDF: parse → blocks → layout → pages → draw. */
export async function renderHandout(input: RenderInput): Promise<RenderOutput> {
  const typeset = await typesetHandout(input);
  const bytes = await drawPdf(typeset.draw);
  return { bytes, pages: typeset.draw.pages.length, diagnostics: typeset.diagnostics };
}

/** Several handouts of one topic × audience (one per record of `deckhand print`) in one PDF; see combine.ts. */
export async function renderCombinedHandouts(inputs: readonly RenderInput[]): Promise<RenderOutput> {
  const parts: TypesetHandout[] = [];
  for (const input of inputs) parts.push(await typesetHandout(input));
  const draw = combineHandouts(parts);
  const bytes = await drawPdf(draw);
  return { bytes, pages: draw.pages.length, diagnostics: parts.flatMap((p) => p.diagnostics) };
}

/** Parse → blocks → layout → pages; everything but the drawing. */
export async function typesetHandout(input: RenderInput): Promise<TypesetHandout> {
  const where = `handout.pdf for ${input.topic.slug}/${input.audience.name}`;
  const diagnostics: Diagnostic[] = [];
  const { meta, body, problem } = splitFrontMatter(input.markdown);
  if (problem) diagnostics.push(warning(Codes.handout, `${where}: ${problem}`));
  const [tokens, fonts] = await Promise.all([parseMarkdown(body), loadFonts(input.audience.handout.fonts)]);
  const { blocks, notes } = toBlocks(tokens);

  const typeset = (tighten: number) => {
    const style = handoutStyle(input.audience.fontSize, input.audience.handout.pageSize, tighten);
    const layout = layoutHandout({
      blocks,
      meta,
      style,
      metrics: fonts.metrics,
      images,
      formulas,
      lang,
      hyphenate,
      overlong,
    });
    return { style, layout, pages: paginate(layout.slices, style.content.y, style.content.height) };
  };
  const images = new Map([...input.images].map(([url, image]) => [url, { width: image.width, height: image.height }]));
  const title = meta.title ?? input.topic.title;
  const header = meta.header ?? title;
  const lang = meta.lang ?? input.topic.lang;
  // The language's patterns load on the first word to split (once per process): a word wider than the
  // line is split in every handout, other words only for audiences that hyphenate.
  const overlong = lazyHyphenator(lang);
  const hyphenate = input.audience.hyphenate ? overlong : null;
  // The template decides the footer; one that sets none gets the audience's, in the handout's language.
  // The brand's contact line leads the footer, the disclaimer (if any) follows.
  const footer = [
    meta.contact,
    meta.footer ?? footerFor(input.audience, lang, input.config) ?? input.audience.handout.footer,
  ]
    .filter(Boolean)
    .join(' · ');
  // The plan checked that the language has the string (DH_STRING_MISSING otherwise).
  const pageLabel = (page: number, pages: number) => t('pageOf', lang, { page, pages }, input.config.strings);
  const formulas = await typesetFormulas(formulasIn(blocks, [meta.title, header]), where);
  // No last page holding only a few lines: first tighten the spacing between blocks (within limits),
  // then pull content back from the page before.
  const short = (r: ReturnType<typeof typeset>) =>
    r.pages.length > 1 && usedHeight(r.pages.at(-1)!, r.style.content.y) < r.style.content.height / 4;
  let chosen = typeset(1);
  for (const tighten of short(chosen) ? [0.85, 0.7] : []) {
    const r = typeset(tighten);
    if (!short(r) || r.pages.length < chosen.pages.length) {
      chosen = r;
      break;
    }
  }
  const { style, layout } = chosen;
  const pages = short(chosen)
    ? balanceLastPage(chosen.pages, layout.slices, style.content.y, style.content.height)
    : chosen.pages;

  const draw: DrawInput = {
    pages,
    furniture: pages.map((_, i) =>
      furniture(
        i + 1,
        pages.length,
        header,
        footer,
        style,
        fonts.metrics,
        i === 0 ? layout.missing : new Map(),
        formulas,
        pageLabel,
      ),
    ),
    root: layout.root,
    style,
    fonts: fonts.face,
    images: new Map([...input.images].map(([url, image]) => [url, image.bytes])),
    svgImages: new Map(
      [...input.images]
        .filter(([, image]) => image.type === 'svg')
        .map(([url, image]) => [url, new TextDecoder().decode(image.bytes)]),
    ),
    info: {
      // The window title and metadata are plain text: formulas as their TeX.
      title: mathAsSource(title),
      author: (meta.authors.length ? meta.authors : input.topic.authors).join(', ') || null,
      subject: meta.subject ?? meta.subtitle ?? input.topic.subtitle,
      lang,
      date: input.date,
      creator: `deckhand ${input.version}`,
    },
  };

  for (const note of [...notes, ...layout.notes]) diagnostics.push(warning(Codes.handout, `${where}: ${note}`));
  const chainNames = fonts.families.map((f) => f.name).join(', ');
  // A CJK topic lacks thousands of characters: past a few, one warning for all of them.
  if (layout.missing.size > MISSING_ONE_BY_ONE) {
    const all = [...layout.missing];
    const times = all.reduce((n, [, c]) => n + c, 0);
    const shown = all
      .slice(0, 8)
      .map(([ch]) => `"${ch}" (${codePoint(ch)})`)
      .join(', ');
    diagnostics.push(
      warning(
        Codes.missingGlyph,
        `${where}: no font has ${all.length} of its characters (${times} times in all: ${shown}, …); they print as ` +
          `empty boxes`,
        {
          hint: `the fonts (${chainNames}) lack them; other scripts need a font of their own in handout.fonts`,
        },
      ),
    );
  } else
    for (const [ch, count] of layout.missing) {
      diagnostics.push(
        warning(
          Codes.missingGlyph,
          `${where}: no font has the character "${ch}" (${codePoint(ch)}${count > 1 ? `, ${count} times` : ''}); it ` +
            `prints as an empty box`,
          {
            hint: `replace it with text, or add a font that has it to handout.fonts (now: ${chainNames})`,
          },
        ),
      );
    }
  return { draw, diagnostics };
}

/** Up to this many missing characters are reported one by one. */
const MISSING_ONE_BY_ONE = 5;

/** The math engine loads only for a handout that has formulas. A formula it rejects fails the handout. */
async function typesetFormulas(
  list: { tex: string; display: boolean }[],
  where: string,
): Promise<Map<string, Formula>> {
  const out = new Map<string, Formula>();
  if (!list.length) return out;
  const { typeset } = await import('../../math/engine.js');
  for (const [k, result] of await typeset(list)) {
    if (!result.ok) {
      throw new RenderError(
        `the formula "${k.slice(1)}" cannot be typeset: ${result.message}`,
        'correct the TeX between the dollar signs (a literal dollar sign is \\$)',
      );
    }
    out.set(k, result.formula);
  }
  return out;
}

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
