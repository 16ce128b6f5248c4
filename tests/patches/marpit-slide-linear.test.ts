import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { linearSlideRule } from '../../src/patches/marpit-slide-linear.js';
import { expectPatchedVersion } from '../helpers/versions.js';

const DECK = [
  '---',
  'theme: default',
  'paginate: true',
  '---',
  '',
  '# One',
  '',
  '<!-- _class: lead -->',
  '',
  'Text with *emphasis*.',
  '',
  '---',
  '',
  '## Two',
  '',
  '- a',
  '- b',
  '',
  '> quote',
  '',
  '***',
  '',
  '![bg right](x.png)',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
].join('\n');

describe('patch: Marpit slide splitting in linear time', () => {
  it('is written for the installed Marpit', () => expectPatchedVersion('@marp-team/marpit'));

  it('renders exactly what Marpit renders (slides, ids, pagination, directives), with and without anchors', () => {
    for (const anchor of [true, false, (i: number) => `s-${i}`]) {
      const plain = new Marp({ script: false, anchor }).render(DECK);
      const marp = new Marp({ script: false, anchor });
      linearSlideRule(marp);
      const patched = marp.render(DECK);
      expect(patched.html).toBe(plain.html);
      expect(patched.css).toBe(plain.css);
      expect(patched.comments).toEqual(plain.comments);
    }
  });

  it('a deck of 20 000 slides renders in seconds (Marpit alone copies 200 million tokens)', () => {
    const marp = new Marp({ script: false });
    linearSlideRule(marp);
    const deck = Array.from({ length: 20_000 }, (_, i) => `Slide ${i}`).join('\n\n---\n\n');
    const started = performance.now();
    const { html } = marp.render(deck);
    expect((html.match(/<section/g) ?? []).length).toBe(20_000);
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
