import { describe, expect, it } from 'vitest';
import { emptyMeta } from '../../../src/render/handout-pdf/front-matter.js';
import { breakLines, type Line, type Run } from '../../../src/render/handout-pdf/line-break.js';
import { layoutHandout } from '../../../src/render/handout-pdf/layout.js';
import { handoutStyle } from '../../../src/render/handout-pdf/style.js';
import { hyphenatorFor } from '../../../src/typeset/hyphenation.js';
import { fakeMetrics } from '../../helpers/fake-metrics.js';

// Fake metrics: 5 pt a character at 10 pt, so a 100 pt line holds 20 characters.
const m = fakeMetrics();
const en = hyphenatorFor('en')!;
const es = hyphenatorFor('es')!;
const run = (text: string, extra: Partial<Run> = {}): Run => ({
  text,
  font: 'regular',
  size: 10,
  color: '#000',
  ...extra,
});
const texts = (lines: Line[]) => lines.map((l) => l.fragments.map((f) => f.text).join(''));

describe('line breaking with hyphenation (real patterns, fake metrics)', () => {
  it('splits a word that does not fit at the line end, the hyphen its own fragment', () => {
    const lines = breakLines([run('Before the transplantation')], 100, m, { hyphenate: en });
    expect(texts(lines)).toEqual(['Before the trans-', 'plantation']);
    const hyphen = lines[0]!.fragments.at(-1)!;
    expect(hyphen).toMatchObject({ text: '-', hyphen: true, width: 5 });
    // The line's width counts the hyphen; the halves without it are the word.
    expect(lines[0]!.width).toBe(17 * 5);
    const words = lines.flatMap((l) => l.fragments.filter((f) => !f.hyphen).map((f) => f.text)).join('');
    expect(words).toBe('Before the transplantation');
  });

  it('does not split without a hyphenator (the default), nor in Spanish with English patterns', () => {
    expect(texts(breakLines([run('Before the transplantation')], 100, m))).toEqual(['Before the ', 'transplantation']);
    const lines = breakLines([run('una enfermedad autoinmunitaria')], 100, m, { hyphenate: es });
    expect(texts(lines)).toEqual(['una enfermedad auto-', 'inmunitaria']);
  });

  it('leaves a line that is nearly full alone (the hyphenation zone) and splits only where 3 letters follow', () => {
    // 17 characters used, 3 left (< 10 % of 20 would be 2): "im-" would fit but the gap is small enough.
    expect(texts(breakLines([run('aaaa bbbb cccc ddd immunity')], 100, m, { hyphenate: en }))).toEqual([
      'aaaa bbbb cccc ddd ',
      'immunity',
    ]);
    // "immu-nity" is not a split point: "nity" is fine but "ity" alone would not be (right minimum 3).
    expect(texts(breakLines([run('aaaa bbbb immunity')], 60, m, { hyphenate: en }))).toEqual([
      'aaaa bbbb ',
      'immunity',
    ]);
  });

  it('never ends more than two lines in a row with a hyphen', () => {
    const text = 'xx transplantation xx transplantation xx transplantation xx transplantation';
    const lines = breakLines([run(text)], 80, m, { hyphenate: en });
    const ends = lines.map((l) => Boolean(l.fragments.at(-1)!.hyphen));
    for (let i = 2; i < ends.length; i++) expect(ends[i] && ends[i - 1] && ends[i - 2]).toBe(false);
    expect(ends.filter(Boolean).length).toBeGreaterThan(1);
  });

  it('splits a word wider than the line at syllables (overlong) even when the text does not hyphenate', () => {
    const lines = breakLines([run('immunosuppression')], 50, m, { hyphenate: null, overlong: en });
    expect(texts(lines)).toEqual(['immunosup-', 'pression']);
    // With no split point that fits, it is still cut between characters.
    expect(texts(breakLines([run('https://example.org/long')], 50, m, { overlong: en }))).toEqual([
      'https://ex',
      'ample.org/',
      'long',
    ]);
  });

  it('never splits code, links or words across a style change into a formula', () => {
    const code = breakLines([run('xxxx '), run('transplantation', { font: 'mono' })], 90, m, { hyphenate: en });
    expect(texts(code)).toEqual(['xxxx ', 'transplantation']);
    const link = breakLines([run('xxxx '), run('transplantation', { link: 'https://x.org' })], 90, m, {
      hyphenate: en,
    });
    expect(texts(link)).toEqual(['xxxx ', 'transplantation']);
  });

  it('splits a word that changes style mid-way, keeping each part in its own style', () => {
    const lines = breakLines([run('xxxx xxxx trans'), run('plantation', { font: 'italic' })], 100, m, {
      hyphenate: en,
    });
    expect(texts(lines)).toEqual(['xxxx xxxx transplan-', 'tation']);
    expect(lines[0]!.fragments.map((f) => f.run.font)).toEqual(['regular', 'italic', 'italic']);
  });
});

describe('handout layout with hyphenation', () => {
  const style = handoutStyle(13, 'LETTER');
  const paragraph = 'Autologous hematopoietic transplantation reconstitutes immunological tolerance. '.repeat(12);
  const layout = (hyphenate: boolean) =>
    layoutHandout({
      blocks: [
        { kind: 'heading', level: 2, inlines: [{ text: 'Reconstitutes immunological tolerance '.repeat(3) }] },
        { kind: 'paragraph', inlines: [{ text: paragraph }] },
      ],
      meta: { ...emptyMeta(), lang: 'en' },
      style,
      metrics: m,
      images: new Map(),
      lang: 'en',
      hyphenate: hyphenate ? en : null,
    });

  it('draws the line-end hyphen as an artifact and keeps its line with the next (no word split over a page)', () => {
    const slices = layout(true).slices;
    const hyphenated = slices.filter((s) => s.items.some((i) => i.kind === 'text' && i.text === '-' && !i.node));
    expect(hyphenated.length).toBeGreaterThan(1);
    for (const s of hyphenated) expect(s.keepWithNext).toBe(true);
    // Headings are never hyphenated.
    const heading = slices.filter((s) => s.items.some((i) => i.kind === 'text' && i.node?.type === 'H2'));
    expect(heading.some((s) => s.items.some((i) => i.kind === 'text' && i.text === '-'))).toBe(false);
  });

  it('sets fewer or as many lines with hyphenation, and none with a hyphen without it', () => {
    const on = layout(true).slices.length;
    const off = layout(false).slices;
    expect(on).toBeLessThanOrEqual(off.length);
    expect(off.some((s) => s.items.some((i) => i.kind === 'text' && i.text === '-'))).toBe(false);
  });
});
