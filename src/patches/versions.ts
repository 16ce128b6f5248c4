/**
 * The library versions deckhand's patches were written against. Each patch reaches into a
 * library's internals; tests/patches fails when an installed version differs, so an upgrade is a
 * deliberate step: re-read the library's code, re-check the patch, then update the version here.
 */
export const PATCHED_VERSIONS = {
  fontkit: '2.0.4',
  pdfkit: '0.20.2',
  'markdown-it': '14.3.3',
  '@marp-team/marpit': '3.2.3',
} as const;
