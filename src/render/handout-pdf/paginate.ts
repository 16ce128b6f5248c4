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
export function paginate(
  slices: readonly Slice[],
  top: number,
  fullHeight: number,
  /** Page index → a smaller height for that page (to pull content back onto the last page). */
  limits: ReadonlyMap<number, number> = new Map(),
): Page[] {
  const pages: Placed[][] = [];
  let page: (Placed & { index: number })[] = [];
  let y = 0;
  let height = limits.get(0) ?? fullHeight;
  const hasContent = () => page.some((p) => !p.artifact);
  const newPage = () => {
    pages.push(page);
    page = [];
    y = 0;
    height = limits.get(pages.length) ?? fullHeight;
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
    const smaller = s.shrink?.(height - y - gap);
    if (smaller) {
      page.push({ slice: smaller, top: top + y + gap, index: i });
      y += gap + smaller.height;
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

/** How far down the content reaches on a page, from the top of the content area. */
export function usedHeight(page: Page, top: number): number {
  return page.slices.reduce((max, p) => Math.max(max, p.top + p.slice.height - top), 0);
}

/**
 * No last page that holds only a few lines: when the last page is filled less than `fraction` of
 * `height`, pull content back onto it by making the page before it break earlier (where the keep
 * rules allow), as long as the page count stays the same.
 */
export function balanceLastPage(
  pages: Page[],
  slices: readonly Slice[],
  top: number,
  height: number,
  fraction = 0.25,
): Page[] {
  if (pages.length < 2) return pages;
  const last = usedHeight(pages[pages.length - 1]!, top);
  if (last >= height * fraction) return pages;
  const before = usedHeight(pages[pages.length - 2]!, top);
  const wanted = height * fraction - last;
  for (const cut of [wanted, wanted * 1.5, wanted * 2]) {
    const limit = before - cut;
    if (limit < height / 2) break;
    const again = paginate(slices, top, height, new Map([[pages.length - 2, limit]]));
    if (again.length === pages.length && usedHeight(again[again.length - 1]!, top) >= height * fraction) return again;
  }
  return pages;
}
