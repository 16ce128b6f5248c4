import { prepareMarp } from '../slides-html/marp.js';
import { Codes } from '../../errors/codes.js';
import { warning } from '../../errors/diagnostic.js';
import { RenderError, type RenderInput, type RenderOutput, type Renderer } from '../types.js';
import { deckPrinter, type DeckPrinter } from './printer.js';

/** slides.pdf drawn by deckhand (no browser): the printouts' drawer at full size. */
async function drawn(input: RenderInput): Promise<RenderOutput> {
  return (await import('../printouts/slides-pdf.js')).renderDrawnSlidesPdf(input);
}

/**
 * `slides.pdf`, by `slides.pdfEngine`: `chromium` prints the HTML deck with a system Chromium (one page per
 * slide at the deck's size, links kept; one browser per thread, launched by the first deck, closed by close(),
 * shared with the printouts' exact miniatures);
 * `deckhand` draws it without a browser; `auto` (default) uses Chromium when one is found, else draws it and
 * says so.
 */
export function slidesPdf(env: NodeJS.ProcessEnv = process.env, printer: DeckPrinter = deckPrinter(env)): Renderer {
  return {
    name: 'slides-pdf',
    format: 'slides-pdf',
    source: 'slides',
    output: 'slides.pdf',
    cost: 'heavy',
    // The drawn engine (pdfkit, fontkit) is the fallback; the set declared is the browser engine's, which dominates.
    libraries: ['marp-core', 'playwright-core'],
    async render(input) {
      const engine = input.audience.slides.pdfEngine ?? 'auto';
      if (engine === 'deckhand') return drawn(input);
      if (engine === 'auto' && !printer.started) {
        try {
          printer.find();
        } catch (e) {
          if (!(e instanceof RenderError)) throw e;
          const out = await drawn(input);
          const where = `${input.topic.slug}/${input.audience.name}/slides.pdf`;
          const note = warning(Codes.render, `${where}: drawn by deckhand, as no browser was found (${e.message})`, {
            hint:
              'install Chromium or set CHROME_PATH for slides printed by the browser, or set slides.pdfEngine: ' +
              'deckhand to choose the drawn slides',
          });
          return { ...out, diagnostics: [...(out.diagnostics ?? []), note] };
        }
      }
      return printer.print(input);
    },
    // The browser starts with the first deck: a worker that gets no deck never launches one.
    prepare: prepareMarp,
    close: () => printer.close(),
  };
}
