import type { Token } from 'markdown-it';

// Raw HTML in a deck, as Marp shows it: tags on marp-core's allowlist (minus the media elements deckhand's
// slides.html refuses) are markup, so only their text shows; any other tag is shown as written, as text.
// slides.pptx keeps the text, not the HTML styling (except line breaks).

const ALLOWED = new Set(
  (
    'a abbr address article aside b bdi bdo big blockquote br caption center cite code col colgroup dd del details ' +
    'div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark nav ol p pre q rp rt ruby s section ' +
    'small span sub summary sup strong strike table tbody td tfoot th thead time tr u ul wbr'
  ).split(' '),
);
const TAG = /<\/?([a-zA-Z][\w-]*)\b[^>]*>/g;

const tagName = (html: string) => /^<\/?([a-zA-Z][\w-]*)/.exec(html)?.[1]?.toLowerCase();

/** Inline HTML → text tokens (a disallowed tag), a hard break (`<br>`), or nothing (allowed markup). */
export function inlineHtml(tokens: Token[], T: typeof Token): Token[] {
  return tokens.flatMap((t) => {
    if (t.type !== 'html_inline') return [t];
    const name = tagName(t.content);
    if (name === 'br') return [new T('hardbreak', 'br', 0)];
    if (name && ALLOWED.has(name)) return [];
    return [Object.assign(new T('text', '', 0), { content: t.content })];
  });
}

/** An HTML block → the paragraph Marp shows: the text of allowed markup, other tags as written. */
export function blockHtml(token: Token, T: typeof Token): Token[] {
  const text = token.content
    .replace(TAG, (tag, name: string) => (ALLOWED.has(name.toLowerCase()) ? ' ' : tag))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
  if (!text) return [];
  const inline = Object.assign(new T('inline', '', 0), {
    content: text,
    children: [Object.assign(new T('text', '', 0), { content: text })],
  });
  return [new T('paragraph_open', 'p', 1), inline, new T('paragraph_close', 'p', -1)];
}
