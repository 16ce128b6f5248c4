import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../src/render/deck/parse.js';
import type { Block, Inline, Slide } from '../../../src/render/deck/model.js';
import { renderMarp } from '../../../src/render/slides-html/marp.js';
import { renderInputs } from '../../helpers/render-inputs.js';

const text = (inlines: readonly Inline[] | null) =>
  (inlines ?? [])
    .filter((i) => !i.math)
    .map((i) => i.text)
    .join('');
function blockText(b: Block): string {
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
const modelText = (s: Slide) =>
  [...s.backgrounds.map((b) => b.alt), text(s.header), ...s.blocks.map(blockText), text(s.footer)].join('');

/** The text of each slide as Marp renders it (math left out: MathML spells it differently). */
function marpTexts(html: string): string[] {
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
const squeeze = (s: string) => s.replace(/[\s\u2060]+/g, '');

describe('deck model: the same slides as Marp', () => {
  for (const name of ['sample', 'slides', 'slides-hostile', 'slides-themes', 'release', 'leak']) {
    it(`${name}: slide count, order, text and notes equal Marp's`, async () => {
      const inputs = await renderInputs(name);
      expect(inputs.length).toBeGreaterThan(0);
      for (const input of inputs) {
        const where = `${input.topic.slug}/${input.audience.name}`;
        const deck = await parseDeck(input.markdown);
        const marp = await renderMarp(input.markdown, input.images, input.config.themes);
        expect(deck.slides.length, where).toBe(marp.slides);
        expect(
          deck.slides.map((s) => s.notes),
          where,
        ).toEqual(marp.notes);
        const expected = marpTexts(marp.html);
        deck.slides.forEach((s, i) =>
          expect(squeeze(modelText(s)), `${where} slide ${i + 1}`).toBe(squeeze(expected[i]!)),
        );
      }
    });
  }
});
