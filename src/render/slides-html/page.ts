import { createHash } from 'node:crypto';
import type { RenderedDeck } from './marp.js';
import { VIEWER_JS, viewerCss } from './viewer.js';

export interface PageInfo {
  title: string;
  lang: string;
  generator: string;
  /** The viewer's words (key help, go-to box) in the deck's language. */
  strings?: Record<string, string>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * The whole deck as one HTML file. A Content-Security-Policy allows only the page's own inline
 * scripts (by hash), inline styles and data: images/fonts: even content that got past the
 * sanitiser could neither run a script nor load anything from the network.
 */
export function deckPage(deck: RenderedDeck, info: PageInfo, extraCss = ''): string {
  const scripts = [...deck.html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const csp = [
    "default-src 'none'",
    `script-src ` +
      `${[...scripts, VIEWER_JS].map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(deck.lang ?? info.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="generator" content="${escapeHtml(info.generator)}">
<title>${escapeHtml(info.title)}</title>
<style>${deck.css}</style>
<style>${extraCss}${viewerCss(deck.width, deck.height)}</style>
</head>
<body>
${deck.html}
<div id="dh-strings" hidden data-json="${escapeHtml(JSON.stringify(info.strings ?? {}))}"></div>
<div id="dh-notes" hidden>
${notesHtml(deck.notes)}
</div>
<script>${VIEWER_JS}</script>
</body>
</html>
`;
}

/** Presenter notes, escaped: Marp hands them over as raw text. Paragraphs split at blank lines. */
function notesHtml(notes: readonly string[][]): string {
  return notes
    .map((comments, i) => {
      // Zero-width spaces were put in by the template to keep notes from being read as directives.
      const paragraphs = comments
        .flatMap((c) => c.replace(/\u200B/g, '').split(/\n\s*\n/))
        .map((p) => p.trim())
        .filter(Boolean);
      return paragraphs.length
        ? `<div class="dh-note" data-slide="${i + 1}">` +
            paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('') +
            '</div>'
        : '';
    })
    .filter(Boolean)
    .join('\n');
}
