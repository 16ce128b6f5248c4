import { describe, expect, it } from 'vitest';
import { combineHandouts, type TypesetHandout } from '../../../src/render/handout-pdf/combine.js';
import { structNode, type Slice } from '../../../src/render/handout-pdf/flow.js';

const slice = (n: number): Slice => ({ height: 10, spaceBefore: 0, items: [], bookmark: { title: `s${n}`, level: 2 } });

/** A typeset handout of `pages` pages (only what combineHandouts reads is real). */
function handout(pages: number, url: string): TypesetHandout {
  return {
    draw: {
      pages: Array.from({ length: pages }, (_, i) => ({ slices: [{ slice: slice(i), top: 0 }], boxes: [] })),
      furniture: Array.from({ length: pages }, (_, i) => slice(100 + i)),
      root: structNode('Document', null),
      images: new Map([[url, new Uint8Array([1])]]),
      svgImages: new Map(),
      info: { title: 'T', author: null, subject: null, lang: 'en', date: new Date(0), creator: 'x' },
    } as unknown as TypesetHandout['draw'],
    diagnostics: [],
  };
}

describe('several handouts in one PDF', () => {
  it(
    'each starts on an odd page: a blank page (no content, no furniture) after an odd count, none ' + 'after the last',
    () => {
      const draw = combineHandouts([handout(3, 'a'), handout(2, 'b'), handout(1, 'a')]);
      expect(draw.pages.map((p) => p.slices.length)).toEqual([1, 1, 1, 0, 1, 1, 1]);
      expect(draw.furniture.map((f) => f.bookmark?.title ?? 'blank')).toEqual([
        's100',
        's101',
        's102',
        'blank',
        's100',
        's101',
        's100',
      ]);
      expect([...draw.images.keys()]).toEqual(['a', 'b']);
    },
  );

  it("each handout's structure becomes a Part of one Document", () => {
    const parts = [handout(1, 'a'), handout(1, 'a')];
    const draw = combineHandouts(parts);
    expect(draw.root.type).toBe('Document');
    for (const p of parts) expect(p.draw.root).toMatchObject({ type: 'Part', parent: draw.root });
  });
});
