import type { Renderer } from '../types.js';

/**
 * `handout.pdf`: the handout template's Markdown typeset with PDFKit into a tagged, accessible,
 * printable PDF. The typesetter (markdown-it, fontkit, pdfkit) loads on first use only.
 */
export const handoutPdf: Renderer = {
  name: 'handout-pdf',
  format: 'handout',
  source: 'handout',
  output: 'handout.pdf',
  cost: 'heavy',
  libraries: ['pdfkit', 'fontkit'],
  render: async (input) => (await import('./render.js')).renderHandout(input),
  prepare: async () => (await import('./render.js')).prepareHandout(),
};
