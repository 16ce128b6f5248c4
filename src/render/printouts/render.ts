import { Codes } from '../../errors/codes.js';
import { warning, type Diagnostic } from '../../errors/diagnostic.js';
import { mathAsSource } from '../../math/dollars.js';
import { drawPdf } from '../handout-pdf/draw.js';
import type { Style } from '../handout-pdf/style.js';
import { loadFonts } from '../../fonts/load.js';
import { parseMarkdown } from '../handout-pdf/markdown.js';
import { prepareDeckParser } from '../deck/parse.js';
import type { DeckPrinter } from '../slides-pdf/printer.js';
import { RenderError, type RenderInput, type RenderOutput } from '../types.js';
import type { StructNode } from '../handout-pdf/flow.js';
import { deckLook, type DeckLook, type ExactFrame } from './deck-look.js';
import type { Stamp } from './stamp.js';
import { layoutHandoutGrid } from './handout-grid.js';
import { layoutNotesPages, type PrintLayout } from './notes-pages.js';
import { printedDate, printFurniture, printStyle } from './page.js';
import { say } from './strings.js';
import { artifactWhere } from '../artifact-name.js';
import { footerFor, labelFor } from '../../config/lang-text.js';
import { contactLine } from '../../config/brand.js';

/** Loads the deck parser, the notes parser, the fonts and pdfkit ahead of the first printout. */
export async function preparePrintouts(): Promise<void> {
  await Promise.all([prepareDeckParser(), parseMarkdown(''), loadFonts(), import('pdfkit')]);
}

type Kind = 'notes' | 'slides-handout';

/** notes.pdf or slides-handout.pdf of one deck: the deck model → miniatures and notes → pages → PDF. */
export async function renderPrintout(input: RenderInput, kind: Kind, printer?: DeckPrinter): Promise<RenderOutput> {
  const file = kind === 'notes' ? 'notes.pdf' : 'slides-handout.pdf';
  const where = artifactWhere(input, file);
  const key = kind === 'notes' ? 'notes' : 'slidesHandout';
  const exact = (kind === 'notes' ? input.config.notes : input.config.slidesHandout).miniatures === 'exact';
  // Exact miniatures: the slides as Chromium prints them (the browser is found first: no browser, no printout).
  const printed = exact ? printSlides(input, printer, key) : null;
  printed?.catch(() => undefined);
  const look = await deckLook(input, where, exact);
  const lang = look.deck.lang ?? input.topic.lang;
  const style = printStyle(input.audience);
  const laid =
    kind === 'notes'
      ? layoutNotesPages(look, style, input.audience, input.config, lang, where)
      : layoutHandoutGrid(look, style, input.audience, input.config, lang, where);
  const title = mathAsSource(look.deck.meta.title ?? input.topic.title);
  const docTitle = say(kind === 'notes' ? 'notesTitle' : 'slidesTitle', lang, { title });
  const furniture = {
    header: title,
    date: printedDate(input.date, lang),
    footer: printFooter(input, kind, lang),
    lang,
  };
  let bytes = await draw(laid, style, look, input, docTitle, (n, count) =>
    printFurniture(n, count, furniture, style, look.fonts.metrics, laid.missing),
  );
  const extra: Diagnostic[] = [];
  if (printed && look.exact) {
    const slides = await printed;
    if (slides.pages !== look.deck.slides.length)
      throw new RenderError(
        `Chromium printed ${slides.pages} slide page(s) for a deck of ${look.deck.slides.length} slides`,
        `set ${key}.miniatures: drawn to draw the miniatures instead`,
      );
    extra.push(...slides.diagnostics);
    const { stampSlides } = await import('./stamp.js');
    bytes = await stampSlides(bytes, slides.bytes, stampsOf(laid, look.exact));
  }
  return {
    bytes,
    pages: laid.pages.length,
    diagnostics: [...look.diagnostics, ...laid.diagnostics, ...notices(laid, where), ...extra],
  };
}

/** The slides printed by Chromium; no browser → a RenderError that says how to get one, or to draw instead. */
async function printSlides(input: RenderInput, printer: DeckPrinter | undefined, key: string) {
  if (!printer) throw new RenderError(`${key}.miniatures: exact needs the browser printer, which this build has not`);
  try {
    printer.find();
  } catch (e) {
    if (!(e instanceof RenderError)) throw e;
    throw new RenderError(
      `${key}.miniatures: exact prints the slides with Chromium, and none can be used: ${e.message}`,
      `${e.hint ?? 'install Chromium'}; or set ${key}.miniatures: drawn (deckhand draws them, no browser needed)`,
    );
  }
  return printer.print(input);
}

/** Each exact frame with the page it landed on. */
function stampsOf(laid: PrintLayout, frames: ReadonlyMap<StructNode, ExactFrame>): Stamp[] {
  const out: Stamp[] = [];
  laid.pages.forEach((page, i) => {
    for (const placed of page.slices)
      for (const item of placed.slice.items) {
        const frame = item.kind === 'node' ? frames.get(item.node) : undefined;
        if (frame) out.push({ ...frame, y: frame.y + placed.top, page: i });
      }
  });
  return out;
}

export async function draw(
  laid: PrintLayout,
  style: Style,
  look: DeckLook,
  input: RenderInput,
  title: string,
  furniture: ((page: number, pages: number) => import('../handout-pdf/flow.js').Slice) | null,
): Promise<Uint8Array> {
  return drawPdf({
    pages: laid.pages,
    furniture: furniture ? laid.pages.map((_, i) => furniture(i + 1, laid.pages.length)) : [],
    root: laid.root,
    style,
    fonts: look.fonts.face,
    images: look.images,
    svgImages: look.svgImages,
    info: {
      title,
      author: (look.deck.meta.author ? [look.deck.meta.author] : input.topic.authors).join(', ') || null,
      subject: input.topic.subtitle,
      lang: look.deck.lang ?? input.topic.lang,
      date: input.date,
      creator: `deckhand ${input.version}`,
    },
  });
}

export function notices(laid: PrintLayout, where: string): Diagnostic[] {
  const out = [...new Set(laid.notes)].map((n) => warning(Codes.render, `${where}: ${n}`));
  for (const [ch, count] of laid.missing)
    out.push(
      warning(
        Codes.missingGlyph,
        `${where}: no font has the character "${ch}"${count > 1 ? ` (${count} times)` : ''}; it prints as an empty box`,
      ),
    );
  return out;
}

/**
 * The printout's footer in its language: the brand's contact line first (as on the handout), then, on
 * notes pages, "<audience> · Speaker notes", on slide handouts the audience's handout footer.
 */
function printFooter(input: RenderInput, kind: Kind, lang: string): string {
  const { audience, config } = input;
  const contact = contactLine(audience.brand ?? {});
  const own =
    kind === 'notes'
      ? `${labelFor(audience, lang, config) ?? audience.label} · ${say('speakerNotes', lang)}`
      : (footerFor(audience, lang, config) ?? audience.handout.footer);
  return [contact, own].filter(Boolean).join(' · ');
}
