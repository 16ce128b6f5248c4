import type { Renderer } from '../types.js';

/**
 * `slides.pptx`: the deck as editable PowerPoint (real placeholders, native tables, speaker notes), written by
 * deckhand itself. Its code (markdown-it, fflate) loads on first use only.
 */
export const pptx: Renderer = {
  name: 'pptx',
  format: 'pptx',
  source: 'slides',
  output: 'slides.pptx',
  cost: 'light',
  libraries: ['markdown-it', 'fflate'],
  render: async (input) => (await import('./render.js')).renderPptx(input),
  prepare: async () => (await import('./render.js')).preparePptx(),
};
