import { describe, expect, it } from 'vitest';
import { emptyMeta } from '../../../src/render/handout-pdf/front-matter.js';
import { toBlocks } from '../../../src/render/handout-pdf/blocks.js';
import type { Slice } from '../../../src/render/handout-pdf/flow.js';
import { layoutHandout } from '../../../src/render/handout-pdf/layout.js';
import { parseMarkdown } from '../../../src/render/handout-pdf/markdown.js';
import { balanceLastPage, paginate, usedHeight, type Page } from '../../../src/render/handout-pdf/paginate.js';
import { handoutStyle } from '../../../src/render/handout-pdf/style.js';
import { fakeMetrics } from '../../helpers/fake-metrics.js';

// What pagination keeps whole (fake metrics, body 10 pt: a line is 15 pt high, paragraphs 7.5 pt apart).

async function typeset(md: string, pageHeight: number, images: Record<string, { width: number; height: number }> = {}) {
  const style = handoutStyle(10, 'LETTER');
  style.content.height = pageHeight;
  const { blocks } = toBlocks(await parseMarkdown(md));
  const layout = layoutHandout({
    blocks,
    meta: emptyMeta(),
    style,
    metrics: fakeMetrics(),
    images: new Map(Object.entries(images)),
  });
  return { layout, style, pages: paginate(layout.slices, style.content.y, pageHeight) };
}

const text = (s: Slice) => s.items.flatMap((i) => (i.kind === 'text' ? [i.text] : [])).join('');
const texts = (p: Page) => p.slices.map((s) => text(s.slice).trim()).filter(Boolean);
const paras = (n: number) => Array.from({ length: n }, (_, i) => `Para ${i + 1}`).join('\n\n');

describe('keeping things whole', () => {
  it('a warning box moves to the next page whole, label and all', async () => {
    const md = `${paras(12)}\n\n::: warning\n## Signs of bleeding\n\n- Red pee\n- Black poop\n- Nosebleeds\n:::\n`;
    const { pages } = await typeset(md, 320);
    expect(pages).toHaveLength(2);
    expect(texts(pages[1]!).slice(0, 5)).toEqual([
      'Warning',
      'Signs of bleeding',
      '• Red pee',
      '• Black poop',
      '• Nosebleeds',
    ]);
    expect(pages[1]!.boxes).toHaveLength(1);
    expect(pages[0]!.boxes).toHaveLength(0);
  });

  it('a list of up to 8 items moves whole; a longer one may break', async () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `- Item ${i + 1}`).join('\n');
    const short = await typeset(`${paras(12)}\n\n${list(8)}\n`, 320);
    expect(texts(short.pages[1]!)[0]).toBe('• Item 1');
    const long = await typeset(`${paras(12)}\n\n${list(12)}\n`, 320);
    expect(texts(long.pages[0]!).some((t) => t.startsWith('• Item'))).toBe(true);
  });

  it('a table of up to a third of a page moves whole', async () => {
    const table = '| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n';
    const { pages } = await typeset(`${paras(18)}\n\n${table}`, 420);
    const rows = (p: Page) => p.slices.filter((s) => s.slice.group !== undefined).length;
    expect(pages.map(rows)).toEqual([0, 2]);
  });

  it('a figure that nearly fits shrinks (to 70 % at most) rather than leave the page part empty', async () => {
    const { pages } = await typeset(`${paras(4)}\n\n![A chart](fig.png)`, 300, {
      'fig.png': { width: 300, height: 260 },
    });
    expect(pages).toHaveLength(1);
    const image = pages[0]!.slices.flatMap((s) => s.slice.items).find((i) => i.kind === 'image')!;
    expect(image.kind === 'image' && image.height).toBeLessThan(195);
  });

  it('pulls content back onto a last page that would hold only a line or two', async () => {
    const { layout, style, pages } = await typeset(paras(14), 300);
    expect(pages).toHaveLength(2);
    expect(usedHeight(pages[1]!, style.content.y)).toBeLessThan(75);
    const balanced = balanceLastPage(pages, layout.slices, style.content.y, 300);
    expect(balanced).toHaveLength(2);
    expect(usedHeight(balanced[1]!, style.content.y)).toBeGreaterThanOrEqual(75);
  });
});
