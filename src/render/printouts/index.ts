import type { DeckPrinter } from '../slides-pdf/printer.js';
import type { Renderer } from '../types.js';

// The lecture printouts, drawn by deckhand without a browser from the deck the run produced (the deck
// model), with the handout's typesetter: notes pages and PowerPoint's N-up handout layouts. The code
// (markdown-it, fontkit, pdfkit) loads on first use only. With `miniatures: exact` the frames hold the real
// slide pages instead, printed by `printer` (Chromium; the browser slides.pdf uses, shared).

/** `notes.pdf`: one slide a page, its speaker notes below (the presenter's printout). */
export function notesPdf(printer: DeckPrinter): Renderer {
  return {
    name: 'notes-pdf',
    format: 'notes',
    source: 'slides',
    output: 'notes.pdf',
    cost: 'heavy',
    libraries: ['pdfkit', 'fontkit'],
    render: async (input) => (await import('./render.js')).renderPrintout(input, 'notes', printer),
    prepare: async () => (await import('./render.js')).preparePrintouts(),
    close: () => printer.close(),
  };
}

/** `slides-handout.pdf`: 1, 2, 3 (with lines), 4, 6 or 9 slides a page for the audience; never speaker notes. */
export function slidesHandoutPdf(printer: DeckPrinter): Renderer {
  return {
    name: 'slides-handout-pdf',
    format: 'slides-handout',
    source: 'slides',
    output: 'slides-handout.pdf',
    cost: 'heavy',
    libraries: ['pdfkit', 'fontkit'],
    render: async (input) => (await import('./render.js')).renderPrintout(input, 'slides-handout', printer),
    prepare: async () => (await import('./render.js')).preparePrintouts(),
    close: () => printer.close(),
  };
}
