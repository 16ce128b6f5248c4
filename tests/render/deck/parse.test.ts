import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../src/render/deck/parse.js';
import { renderMarp } from '../../../src/render/slides-html/marp.js';
import { marpTexts, modelText, squeeze } from '../../helpers/deck-text.js';
import { renderInputs } from '../../helpers/render-inputs.js';

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
