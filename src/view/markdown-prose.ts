import MarkdownIt from 'markdown-it';
import { findMath } from '../math/dollars.js';
import { mathPlugin } from '../math/markdown-it-math.js';

let parser: MarkdownIt | undefined;
/** The same dialect the content format documents: CommonMark + GFM tables, HTML recognised, math. */
export const markdownParser = (): MarkdownIt => (parser ??= new MarkdownIt({ html: true }).use(mathPlugin));

const HIDE = '\u0000';
const hide = (s: string) => s.replace(/[^\n]/g, HIDE);

/**
 * The Markdown source with everything that is not running prose blanked out (same length, newlines
 * kept): headings, code blocks, HTML blocks, table headers, and inside paragraphs code spans, links,
 * images, autolinks, inline HTML and bare URLs. Text found in what is left can be edited in place
 * without changing the document's structure.
 */
export function proseMask(markdown: string): string {
  const lines = markdown.split('\n');
  const prose = new Array<boolean>(lines.length).fill(false);
  const tokens = markdownParser().parse(markdown, {});
  let tableBody = false;
  tokens.forEach((t, i) => {
    if (t.type === 'tbody_open' || t.type === 'tbody_close') tableBody = t.type === 'tbody_open';
    // Table cells carry no line map; their rows do. Header rows are headings of a kind: left alone.
    const isProse =
      (t.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open') || (t.type === 'tr_open' && tableBody);
    if (isProse && t.map) for (let l = t.map[0]; l < t.map[1]; l++) prose[l] = true;
  });
  let text = lines.map((line, i) => (prose[i] ? line : hide(line))).join('\n');
  // CommonMark precedence: code spans first, then links and images, then raw HTML and autolinks.
  const spans = [
    /(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g,
    /!?\[(?:[^[\]\\]|\\.|\[[^\]]*\])*\](?:\((?:[^()\\]|\\.|\([^()]*\))*\)|\[[^\]]*\])?/g,
    /<[^>\n]*>/g,
    /\b(?:https?:\/\/|www\.)\S+/g,
    /&#?\w+;/g,
  ];
  for (const re of spans) text = text.replace(re, hide);
  // Formulas too: a glossary term inside TeX is not prose.
  for (const m of findMath(text)) text = text.slice(0, m.start) + hide(text.slice(m.start, m.end)) + text.slice(m.end);
  return text;
}

/**
 * Where an inline addition after a word can go without splitting Markdown: past a possessive `'s`
 * and past closing emphasis (`**stem cells**` → after the `**`).
 */
export function insertionPoint(source: string, end: number, markdown: boolean): number {
  let at = end;
  const possessive = /^['’]s(?![\p{L}\p{N}])/u.exec(source.slice(at));
  if (possessive) at += possessive[0].length;
  if (markdown) {
    // The whole run of markers or none: `**stem cell**s` must not become `**stem cell* (…)*s`.
    const close = /^(?:\*{1,3}|_{1,3}|~~)(?![\p{L}\p{N}*_~])/u.exec(source.slice(at));
    if (close) at += close[0].length;
  }
  return at;
}
