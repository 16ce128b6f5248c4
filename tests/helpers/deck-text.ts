import type { Block, Inline, Slide } from '../../src/render/deck/model.js';

// A slide's text two ways: from the deck model, and from Marp's HTML, for comparing them.

export const text = (inlines: readonly Inline[] | null) =>
  (inlines ?? [])
    .filter((i) => !i.math)
    .map((i) => i.text)
    .join('');
export function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return text(b.inlines);
    case 'list':
      return b.items.map((item) => item.map(blockText).join('')).join('');
    case 'quote':
      return b.blocks.map(blockText).join('');
    case 'table':
      return [b.header, ...b.rows].flat().map(text).join('');
    case 'image':
      return text(b.caption);
    case 'code':
      return b.text;
    case 'definitions':
      return b.items.map((i) => text(i.term) + i.definitions.flat().map(blockText).join('')).join('');
    default:
      return '';
  }
}
export const modelText = (s: Slide) =>
  [...s.backgrounds.map((b) => b.alt), text(s.header), ...s.blocks.map(blockText), text(s.footer)].join('');

/** The text of each slide as Marp renders it (math left out: MathML spells it differently). */
export function marpTexts(html: string): string[] {
  return html
    .split(/<svg data-marpit-svg[^>]*>/)
    .slice(1)
    .map((svg) =>
      svg
        .replace(/<math[\s\S]*?<\/math>/g, '')
        .replace(/<(style|script)[\s\S]*?<\/\1>/g, '')
        .replace(/<[^>]*>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    );
}
export const squeeze = (s: string) => s.replace(/[\s\u2060]+/g, '');
