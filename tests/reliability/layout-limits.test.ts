import { describe, expect, it } from 'vitest';
import { toBlocks } from '../../src/render/handout-pdf/blocks.js';
import { emptyMeta, type HandoutMeta } from '../../src/render/handout-pdf/front-matter.js';
import { furniture, layoutHandout } from '../../src/render/handout-pdf/layout.js';
import { parseMarkdown } from '../../src/render/handout-pdf/markdown.js';
import { handoutStyle } from '../../src/render/handout-pdf/style.js';
import { fakeMetrics } from '../helpers/fake-metrics.js';

/** Issue 22, items 21 and 22: a handout's layout says when a table cannot be read, and fits a huge title fast. */
const NO_META: HandoutMeta = emptyMeta();
const table = (cols: number) =>
  `${Array.from({ length: cols }, (_, i) => `| c${i} `).join('')}|\n${'| --- '.repeat(cols)}|\n${Array.from(
    { length: cols },
    () => '| ' + 'text ',
  ).join('')}|\n`;

async function notesFor(md: string) {
  const { blocks } = toBlocks(await parseMarkdown(md));
  const layout = layoutHandout({
    blocks,
    meta: NO_META,
    style: handoutStyle(10, 'LETTER'),
    metrics: fakeMetrics(),
    images: new Map(),
  });
  return layout.notes;
}

describe('handout layout limits', () => {
  it('a 200-column table is a warning, a 5-column one is not (item 22)', async () => {
    expect((await notesFor(table(200))).join('\n')).toMatch(/a table of 200 columns is too wide for the page/);
    expect(await notesFor(table(5))).toEqual([]);
  });

  it('a 10 000-character running header is cut with an ellipsis that fits (item 21)', () => {
    const style = handoutStyle(10, 'LETTER');
    const metrics = fakeMetrics();
    let measured = 0;
    const counting = {
      ...metrics,
      width: (...a: Parameters<typeof metrics.width>) => (measured++, metrics.width(...a)),
    };
    const slice = furniture(1, 1, 'x'.repeat(10_000), 'Footer', style, counting as typeof metrics);
    const header = slice.items.flatMap((i) => (i.kind === 'text' ? [i.text] : [])).join('');
    expect(header).toMatch(/^x+…/);
    // A binary search measures a few dozen times; one character at a time measured thousands of times.
    expect(measured).toBeLessThan(200);
  });
});
