import type { FontKey } from '../fonts/metrics.js';

/** A stretch of text in one face: what a line of a slide is measured from. */
export interface Run {
  text: string;
  face: FontKey;
}

const FACE: Record<string, FontKey> = { '': 'regular', b: 'bold', i: 'italic', bi: 'boldItalic' };

/**
 * The runs of one line of inline Markdown as a browser shows it: emphasis and strong change the face,
 * code is monospaced, links show their text, images and HTML tags take no width, formulas are as wide
 * as about half their TeX (inline SVG). Approximate where Markdown is subtle, never narrower than real.
 */
export function inlineRuns(markdown: string, bold = false): Run[] {
  const text = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\$\$?([^$]+)\$\$?/g, (_, tex: string) =>
      'x'.repeat(Math.ceil(tex.replace(/\\[a-z]+|[{}^_]/gi, 'x').length * 0.6)),
    )
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, 'x');
  const runs: Run[] = [];
  let b = bold;
  let i = false;
  let code = false;
  let buf = '';
  const flush = () => {
    if (buf) runs.push({ text: buf, face: code ? 'mono' : FACE[(b ? 'b' : '') + (i ? 'i' : '')]! });
    buf = '';
  };
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (c === '\\' && k + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[k + 1]!)) {
      buf += text[++k];
    } else if (c === '`') {
      flush();
      code = !code;
    } else if (!code && (c === '*' || c === '_') && (c === '*' || !/\w/.test(text[k - 1] ?? ''))) {
      const double = text[k + 1] === c;
      flush();
      if (double) {
        b = !b;
        k++;
      } else i = !i;
    } else buf += c;
  }
  flush();
  return runs;
}
