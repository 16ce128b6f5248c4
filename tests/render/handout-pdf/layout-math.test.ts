import { describe, expect, it } from 'vitest';
import { toBlocks } from '../../../src/render/handout-pdf/blocks.js';
import { emptyMeta, type HandoutMeta } from '../../../src/render/handout-pdf/front-matter.js';
import { formulasIn, MATH_SCALE } from '../../../src/render/handout-pdf/layout-math.js';
import { layoutHandout } from '../../../src/render/handout-pdf/layout.js';
import { parseMarkdown } from '../../../src/render/handout-pdf/markdown.js';
import { handoutStyle } from '../../../src/render/handout-pdf/style.js';
import { formulaKey, type Formula } from '../../../src/math/types.js';
import { fakeMetrics } from '../../helpers/fake-metrics.js';

// Fake metrics, body 10 pt (a line 15 pt high, a character 5 pt wide) and fake formulas of a known
// size (in em): layout places boxes, it never typesets.
const META: HandoutMeta = { ...emptyMeta(), title: 'About $t_{1/2}$' };
const box = (width: number, ascent: number, descent: number): Formula => ({ svg: '<svg/>', width, ascent, descent });

async function lay(md: string, formulas: Record<string, Formula>, meta: HandoutMeta = { ...META, title: null }) {
  const style = handoutStyle(10, 'LETTER');
  const { blocks } = toBlocks(await parseMarkdown(md));
  return {
    blocks,
    ...layoutHandout({
      blocks,
      meta,
      style,
      metrics: fakeMetrics(),
      images: new Map(),
      formulas: new Map(Object.entries(formulas)),
    }),
  };
}

describe('formulas in the layout', () => {
  it('finds every formula: inline, display, in tables, lists, captions and the title', async () => {
    const { blocks } = await lay('A $a$.\n\n$$b$$\n\n- item $c$ then $$d$$\n\n| h |\n|---|\n| $e$ |\n', {});
    expect(formulasIn(blocks, ['About $t$', null])).toEqual([
      { tex: 'a', display: false },
      { tex: 'b', display: true },
      { tex: 'c', display: false },
      { tex: 'd', display: true },
      { tex: 'e', display: false },
      { tex: 't', display: false },
    ]);
  });

  it('sets an inline formula on the baseline at the body size, as one unbreakable Formula box', async () => {
    const { slices } = await lay('Text $k$, more', { [formulaKey('k', false)]: box(2, 0.7, 0.2) });
    const items = slices[0]!.items;
    const f = items.find((i) => i.kind === 'formula')!;
    const text = items.find((i) => i.kind === 'text')!;
    expect(f).toMatchObject({ y: text.y, width: 2 * 10 * MATH_SCALE, ascent: expect.closeTo(0.7 * 10 * MATH_SCALE) });
    expect(f.kind === 'formula' && f.node).toMatchObject({ type: 'Formula', alt: 'k', placement: 'Inline' });
    expect(slices[0]!.height).toBe(15); // fits the line: no extra height
    // The comma sticks to the formula (one word), the text after it follows.
    expect(f.x).toBeCloseTo(text.x + 'Text '.length * 5);
  });

  it('makes a line taller where a formula reaches above or below it, and moves its baseline down', async () => {
    const { slices } = await lay('A $\\frac{a}{b}$ b', { [formulaKey('\\frac{a}{b}', false)]: box(1, 1.5, 1) });
    const f = slices[0]!.items.find((i) => i.kind === 'formula')!;
    expect(slices[0]!.height).toBeCloseTo(1.5 * 12 + 1.5 + (1 * 12 + 1.5));
    expect(f.y).toBeCloseTo(1.5 * 12 + 1.5);
  });

  it('centres a display formula on its own line, scaled down when wider than the column', async () => {
    const style = handoutStyle(10, 'LETTER');
    const { slices } = await lay('Before\n\n$$x$$\n\n$$w$$\n\nAfter', {
      [formulaKey('x', true)]: box(5, 0.8, 0.3),
      [formulaKey('w', true)]: box(100, 1, 0.5),
    });
    const [x, w] = slices.flatMap((s) => s.items.filter((i) => i.kind === 'formula'));
    expect(x!.x + x!.width / 2).toBeCloseTo(style.content.x + style.content.width / 2);
    expect(x!.kind === 'formula' && x!.node).toMatchObject({ type: 'Formula', alt: 'x', placement: 'Block' });
    expect(w!.width).toBeCloseTo(style.content.width);
  });

  it('a formula in the title is set as a formula; one not typeset prints its TeX', async () => {
    const { slices } = await lay('$$z$$', { [formulaKey('t_{1/2}', false)]: box(1, 0.7, 0.3) }, META);
    expect(slices[0]!.items.map((i) => i.kind)).toEqual(['text', 'formula']);
    const code = slices.flatMap((s) => s.items).find((i) => i.kind === 'text' && i.text.includes('z'));
    expect(code).toMatchObject({ font: 'mono' });
  });
});
