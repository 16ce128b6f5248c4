/**
 * Text shown in another language than its document's (a translation's fallback to the source text) is
 * wrapped in private-use marks that carry the language: they pass every escaping helper untouched, and
 * the template engine turns them into `<span lang="en">…</span>` in the Markdown it writes (stripped
 * where text is plain: front matter, comments, alt text, URLs). Renderers honour the span: the HTML
 * deck as markup, the PDFs as a Span structure element with /Lang.
 */

const OPEN = '\uE000';
const SEP = '\uE001';
const CLOSE = '\uE002';

const MARKS = /\uE000([A-Za-z0-9-]*)\uE001|\uE002/g;

/** One line of text in `lang`. */
function inline(text: string, lang: string): string {
  return `${OPEN}${lang}${SEP}${text}${CLOSE}`;
}

/**
 * Marks `text` as written in `lang`. Markdown with several lines is marked line by line, after any block
 * marker (heading, list item, quote), so lists and paragraphs keep their structure; code fences, tables
 * and blank lines are left alone.
 */
export function tagLang(text: string, lang: string): string {
  if (!text.includes('\n')) return inline(text, lang);
  let fence = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fence = !fence;
        return line;
      }
      if (fence || !line.trim() || /^\s*\|/.test(line) || /^\s*(<!--|:::|\$\$)/.test(line)) return line;
      const m = /^(\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)*)(.*)$/.exec(line)!;
      return m[2] ? `${m[1]}${inline(m[2], lang)}` : line;
    })
    .join('\n');
}

/** The marks as HTML spans (Markdown output). */
export function langSpansToHtml(text: string): string {
  if (!text.includes(SEP) && !text.includes(CLOSE)) return text;
  return text.replace(MARKS, (mark, lang: string | undefined) =>
    mark === CLOSE ? '</span>' : `<span lang="${lang ?? ''}">`,
  );
}

/** The text without marks (plain-text places: metadata, comments, alt text). */
export function stripLangSpans(text: string): string {
  return text.includes(SEP) || text.includes(CLOSE) ? text.replace(MARKS, '') : text;
}
