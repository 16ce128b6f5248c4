import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { splitMath } from '../math/dollars.js';
import { mathPlugin } from '../math/markdown-it-math.js';
import { escapeText, mdUrl, protectLineStart } from './escape.js';

/**
 * Short texts (points, the summary, glossary definitions, captions, reference text) are inline
 * Markdown of a small, fixed kind: `**bold**`, `*italic*`, `` `code` ``, links to http, https and
 * mailto, and math (`$…$`). The text is parsed with only those rules, then written out again as
 * Markdown in which everything else is escaped: block structure (`#`, `---`, lists, `>`), raw HTML,
 * comments, images, Marp directives, other links and bare URLs all stay text as written.
 * Pure; the same output in every template, deck and handout alike.
 */

const parser = new MarkdownIt('zero')
  .enable(['emphasis', 'backticks', 'link', 'image', 'escape', 'newline'])
  .use(mathPlugin);
const LINK = /^(?:https?:|mailto:)/i;
parser.validateLink = (url: string) => LINK.test(url.trim());

/** One line of inline Markdown, safe anywhere inline. */
export function inlineMarkdown(text: string): string {
  const oneLine = String(text)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
  if (!oneLine) return '';
  const tokens = parser.parseInline(oneLine, {})[0]?.children ?? [];
  return protectLineStart(emit(tokens));
}

/** Several paragraphs of inline Markdown (the summary on its slide): each on its own, blank lines between. */
export function inlineParagraphs(text: string): string {
  return String(text)
    .split(/\n\s*\n/)
    .map((p) => inlineMarkdown(p))
    .filter((p) => p !== '')
    .join('\n\n');
}

/** Plain text in which only formulas (`$…$`) are kept: titles. */
export function plainWithMath(text: string): string {
  const oneLine = String(text)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
  return protectLineStart(
    splitMath(oneLine)
      .map((s) => ('math' in s ? math(s.math.tex, s.math.display) : escapeText(s.text)))
      .join(''),
  );
}

function emit(tokens: readonly Token[]): string {
  let out = '';
  const hrefs: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
        out += escapeText(t.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        out += ' ';
        break;
      case 'strong_open':
      case 'strong_close':
      case 'em_open':
      case 'em_close':
        // The author's own delimiters, next to the same characters: they pair up again the same way.
        out += t.markup;
        break;
      case 'code_inline':
        out += code(t.content);
        break;
      case 'math_inline':
        out += math(t.content, Boolean((t.meta as { display?: boolean } | null)?.display));
        break;
      case 'link_open':
        hrefs.push(t.attrGet('href') ?? '');
        out += '[';
        break;
      case 'link_close':
        out += `](<${mdUrl(hrefs.pop() ?? '')}>)`;
        break;
      case 'image':
        // Images are not for short texts: the source stays text.
        out += escapeText(`![${t.content}](${t.attrGet('src') ?? ''})`);
        break;
      default:
        out += escapeText(t.content);
    }
  }
  return out;
}

/** A code span whose backtick fence is longer than any run of backticks inside it. */
function code(content: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[`\s]|[`\s]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

function math(tex: string, display: boolean): string {
  return display ? `$$${tex}$$` : `$${tex}$`;
}
