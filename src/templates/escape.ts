/**
 * Escaping for plain text placed into Markdown (not HTML: markdown-it would decode the entities and
 * still honour `---`, `#`, lists and links). See shared/reference/libraries.md, "Escaping for Markdown".
 */

// Characters that can start or change inline Markdown anywhere in a line.
const INLINE = /[\\`*_[\]<>#|~$&]/g;

// Marp turns on markdown-it's linkify: "see example.org" or "https://x.org" in plain text would
// become links. An escaped "." inside a name and ":" before "//" break what linkify looks for
// (escapes are separate tokens when it runs) and render as the same characters.
const LINKIFY = /(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])|:(?=\/\/)/gu;

/** One line of plain text, safe anywhere inline: no block structure, no HTML, no links or emphasis. */
export function mdInline(text: string): string {
  const oneLine = String(text)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
  return protectLineStart(escapeText(oneLine));
}

/** Text with every character that could start inline Markdown (or a bare link) escaped. */
export function escapeText(text: string): string {
  return text.replace(INLINE, (c) => '\\' + c).replace(LINKIFY, '\\$&');
}

/**
 * What can only start a block at the start of a line: list markers, setext underlines, ordered-list
 * numbers, and (from a code span with a long fence) a code fence, broken with a zero-width space.
 */
export function protectLineStart(text: string): string {
  return text
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^(?=`{3})/, '\u200B');
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

/**
 * Presenter notes: comment-safe, and never a Marp directive. Marp reads every HTML comment as YAML
 * and applies known keys (`class: lead`, `paginate: false`) instead of keeping the note; a zero-width
 * space before any line that could hold a YAML key or start a YAML construct keeps the note a note.
 */
export function noteText(text: string): string {
  return commentText(String(text).replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((line) => (/:|^\s*[?{[!&*%@`|>'"-]/.test(line) ? '\u200B' + line : line))
    .join('\n');
}

// Words Marp reads as image options when they appear in an image's alt text (marpit image/parse.js,
// background plugin): sizes, filters and background keywords. Such a word would vanish from the alt text.
const IMAGE_KEYWORD = new RegExp(
  String.raw`^(?:bg|contain|cover|fit|auto|left|right|vertical|(?:\d*\.)?\d+%|(?:w|width|h|height)(?::.*)?|` +
    String.raw`(?:blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|sepia)` +
    String.raw`(?::.*)?|(?:left|right):.*)$`,
);

/**
 * Alt text of a Marp image: escaped like inline text, and no word taken as an image option (an
 * invisible word joiner after its first character; entities would not do: a background image's
 * caption shows them raw).
 */
export function imageAlt(text: string): string {
  return mdInline(text)
    .split(/(\s+)/)
    .map((word) => (IMAGE_KEYWORD.test(word) ? `${word.slice(0, 1)}\u2060${word.slice(1)}` : word))
    .join('');
}

/** A URL for a Markdown link or image destination in `<...>`: characters that would end it are %-encoded. */
export function mdUrl(url: string): string {
  return String(url).replace(/[\s<>\\]/g, (c) => (c === '\\' ? '%5C' : encodeURIComponent(c)));
}
