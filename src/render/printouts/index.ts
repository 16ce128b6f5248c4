import type { Renderer } from '../types.js';

// The lecture printouts, drawn by deckhand without a browser from the deck the run produced (the deck
// model), with the handout's typesetter: notes pages and PowerPoint's N-up handout layouts. The code
// (markdown-it, fontkit, pdfkit) loads on first use only.

/** `notes.pdf`: one slide a page, its speaker notes below (the presenter's printout). */
export const notesPdf: Renderer = {
  name: 'notes-pdf',
  format: 'notes',
  source: 'slides',
  output: 'notes.pdf',
  cost: 'heavy',
  libraries: ['pdfkit', 'fontkit'],
  render: async (input) => (await import('./render.js')).renderPrintout(input, 'notes'),
  prepare: async () => (await import('./render.js')).preparePrintouts(),
};

/** `slides-handout.pdf`: 1, 2, 3 (with lines), 4, 6 or 9 slides a page for the audience; never speaker notes. */
export const slidesHandoutPdf: Renderer = {
  name: 'slides-handout-pdf',
  format: 'slides-handout',
  source: 'slides',
  output: 'slides-handout.pdf',
  cost: 'heavy',
  libraries: ['pdfkit', 'fontkit'],
  render: async (input) => (await import('./render.js')).renderPrintout(input, 'slides-handout'),
  prepare: async () => (await import('./render.js')).preparePrintouts(),
};
