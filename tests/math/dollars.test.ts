import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { findMath, hasMath, mathAsSource, splitMath } from '../../src/math/dollars.js';
import { mathPlugin } from '../../src/math/markdown-it-math.js';

const tex = (s: string) => findMath(s).map((m) => (m.display ? `$$${m.tex}$$` : m.tex));

describe('the dollar rule (Pandoc)', () => {
  it.each([
    ['$5 copay', []],
    ['a $5 copay and a $10 fee', []],
    ['$5–$10 a month', []],
    ['$5-$10', []],
    ['between $5 and $10', []],
    ['costs $5, or $x$ per dose', ['x']],
    ['US$20,000 and US$30,000', []],
    ['$ x$ and $x $', []],
    ['\\$x\\$ is not math', []],
    ['oral morphine $F \\approx 0.25$.', ['F \\approx 0.25']],
    ['$C(t) = C_0 \\, e^{-kt}$', ['C(t) = C_0 \\, e^{-kt}']],
    ['a price $\\$5$ in math', ['\\$5']],
    ['$$\\int_0^1 x\\,dx$$', ['$$\\int_0^1 x\\,dx$$']],
    ['$$ $$ is nothing', []],
    ['$x$5', []],
    ['$x$ and $y$', ['x', 'y']],
  ])('%s', (text, expected) => {
    expect(tex(text)).toEqual(expected);
  });

  it('never crosses a blank line', () => {
    expect(tex('$a\n\nb$')).toEqual([]);
    expect(tex('$a\nb$')).toEqual(['a\nb']);
  });

  it('splits text into plain pieces and formulas, and gives the TeX without dollars', () => {
    expect(splitMath('Half-life $t_{1/2}$ of $5 pills')).toEqual([
      { text: 'Half-life ' },
      { math: { tex: 't_{1/2}', display: false, start: 10, end: 19 } },
      { text: ' of $5 pills' },
    ]);
    expect(mathAsSource('Half-life $t_{1/2}$')).toBe('Half-life t_{1/2}');
    expect(hasMath('$5 and $6')).toBe(false);
    expect(hasMath('$k$')).toBe(true);
  });
});

describe('the markdown-it rule', () => {
  const md = new MarkdownIt().use(mathPlugin);
  const kinds = (src: string) =>
    md
      .parse(src, {})
      .flatMap((t) => (t.children ? t.children : [t]))
      .filter((t) => t.type.startsWith('math'))
      .map((t) => [t.type, t.content, Boolean(t.meta?.display)]);

  it('keeps TeX as written: escapes and emphasis characters are not Markdown inside math', () => {
    expect(kinds('where $C_0 \\, e^{-kt}$ and $a*b*c$')).toEqual([
      ['math_inline', 'C_0 \\, e^{-kt}', false],
      ['math_inline', 'a*b*c', false],
    ]);
  });

  it('lets code spans win, and prices stay text', () => {
    expect(kinds('`$x$` costs $5 and $10')).toEqual([]);
    expect(md.renderInline('costs $5 and $10')).toBe('costs $5 and $10');
  });

  it('reads $$…$$ on its own lines as a block, and inside a paragraph as display math', () => {
    expect(kinds('Text\n\n$$\n\\frac{a}{b}\n$$\n\nMore')).toEqual([['math_block', '\\frac{a}{b}', false]]);
    expect(kinds('$$x^2$$')).toEqual([['math_block', 'x^2', false]]);
    expect(kinds('so $$x^2$$ holds')).toEqual([['math_inline', 'x^2', true]]);
  });
});
