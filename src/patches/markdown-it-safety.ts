import type MarkdownIt from 'markdown-it';

/**
 * Links with no scheme that still leave the document's place: protocol-relative `//host/x` and
 * UNC `\\host\share` (or any mix of the two slashes, also percent-encoded). In a deck opened from
 * disk they become `file://host/…`, which fetches from (and leaks to) another machine.
 */
export function isHostRelative(url: string): boolean {
  return /^[\s\u0000-\u001f]*(?:[\\/]|%5c|%2f){2}/i.test(url);
}

/**
 * Deeper than Markdown a person writes (lists in lists in quotes…), far below a stack overflow;
 * topics are refused at 8 levels (content/nesting.ts) and templates add a few. markdown-it's
 * presets stop at 20 (commonmark) or 100 levels and then silently drop the rest of the document.
 */
export const MAX_MARKDOWN_NESTING = 100;

/**
 * The safety rules every markdown-it instance of deckhand gets (decks, deck model, handouts): no
 * host-relative links, and the same nesting limit.
 */
export function markdownSafety(md: MarkdownIt): void {
  (md.options as { maxNesting?: number }).maxNesting = MAX_MARKDOWN_NESTING;
  const validate = md.validateLink.bind(md);
  md.validateLink = (url: string) => !isHostRelative(url) && validate(url);
}
