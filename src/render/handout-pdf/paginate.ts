import type { Box, Slice } from './flow.js';

export interface Placed {
  slice: Slice;
  /** Absolute y of the slice's top on its page. */
  top: number;
  /** A repeated table header: drawn, but not part of the structure tree. */
  artifact?: boolean;
}

export interface Page {
  slices: Placed[];
  /** Each box's extent on this page, outer boxes first. */
  boxes: { box: Box; top: number; bottom: number }[];
}

/**
 * Slices → pages. A page breaks before a slice that does not fit; if the slice before it says
 * keepWithNext, the break moves back to the last place where it is allowed (a heading goes to the
 * next page with its paragraph). A page that is all one keep chain breaks where it must. Pure.
 */
export function paginate(slices: readonly Slice[], top: number, height: number): Page[] {
  const pages: Placed[][] = [];
  let page: (Placed & { index: number })[] = [];
  let y = 0;
  const hasContent = () => page.some((p) => !p.artifact);
  const newPage = () => {
    pages.push(page);
    page = [];
    y = 0;
  };
  let i = 0;
  while (i < slices.length) {
    const s = slices[i]!;
    if (s.breakBefore && hasContent()) {
      newPage();
      continue;
    }
    if (!page.length && s.repeat && s.group !== undefined && slices[i - 1]?.group === s.group) {
      page.push({ slice: s.repeat, top: top, artifact: true, index: -1 });
      y = s.repeat.height;
    }
    const gap = hasContent() ? s.spaceBefore : 0;
    if (!hasContent() || y + gap + s.height <= height + 0.01) {
      page.push({ slice: s, top: top + y + gap, index: i });
      y += gap + s.height;
      i++;
      continue;
    }
    let k = page.length;
    while (k > 0 && page[k - 1]!.slice.keepWithNext) k--;
    if (!page.slice(0, k).some((p) => !p.artifact)) k = page.length;
    const moved = page.splice(k);
    if (moved[0]) i = moved[0].index;
    newPage();
  }
  if (page.length || !pages.length) pages.push(page);
  return pages.map((p) => ({
    slices: p.map(({ slice, top: t, artifact }) => ({ slice, top: t, ...(artifact ? { artifact } : {}) })),
    boxes: boxExtents(p),
  }));
}

function boxExtents(placed: Placed[]): Page['boxes'] {
  const extents = new Map<number, { box: Box; top: number; bottom: number }>();
  for (const p of placed) {
    for (const box of p.slice.boxes ?? []) {
      const e = extents.get(box.id);
      if (e) {
        e.top = Math.min(e.top, p.top);
        e.bottom = Math.max(e.bottom, p.top + p.slice.height);
      } else extents.set(box.id, { box, top: p.top, bottom: p.top + p.slice.height });
    }
  }
  return [...extents.values()];
}
