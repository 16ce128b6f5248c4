/**
 * Escaping for plain text placed into Markdown (not HTML: markdown-it would decode the entities and
 * still honour `---`, `#`, lists and links). See shared/reference/libraries.md, "Escaping for Markdown".
 */

// Characters that can start or change inline Markdown anywhere in a line.
const INLINE = /[\\`*_[\]<>#|~$&]/g;

/** One line of plain text, safe anywhere inline: no block structure, no HTML, no links or emphasis. */
export function mdInline(text: string): string {
  const oneLine = String(text).replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return oneLine
    .replace(INLINE, (c) => '\\' + c)
    .replace(/^([-+=])/, '\\$1') // list markers, setext underlines
    .replace(/^(\d+)([.)])/, '$1\\$2'); // ordered-list markers
}

/** Multi-line plain text: each paragraph escaped on its own, blank lines kept as paragraph breaks. */
export function mdParagraphs(text: string): string {
  return String(text)
    .split(/\n\s*\n/)
    .map((p) => mdInline(p))
    .filter((p) => p !== '')
    .join('\n\n');
}

/**
 * Text for the inside of an HTML comment (Marp presenter notes). `-->` and `<!--` are broken with a
 * zero-width space so a note can never close its comment or open another one.
 */
export function commentText(text: string): string {
  return String(text)
    .replace(/--(!?)>/g, '--\u200B$1>')
    .replace(/<!--/g, '<!\u200B--');
}
