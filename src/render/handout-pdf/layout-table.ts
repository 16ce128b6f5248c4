import type { Align, Inline } from './blocks.js';
import { structNode, type Item, type Slice } from './flow.js';
import { baselineIn, lineItems, runsOf, type Ctx, type Frame } from './layout-text.js';
import { breakLines, longestWord, type Line, type Run } from './line-break.js';

interface TableBlock {
  header: Inline[][];
  rows: Inline[][][];
  align: Align[];
}

/**
 * A table: one slice per row, so pages break between rows (a row taller than a page continues on the
 * next). The header row keeps with the first body row, and a page that starts inside the table first
 * repeats the header (as an artifact: it is content already read once).
 */
export function tableSlices(b: TableBlock, frame: Frame, ctx: Ctx): Slice[] {
  const st = ctx.style.table;
  const cols = Math.max(b.header.length, ...b.rows.map((r) => r.length));
  if (!cols) return [];
  const table = structNode('Table', frame.parent);
  const runs = (cells: Inline[][], bold: boolean, node: ReturnType<typeof structNode>) =>
    Array.from({ length: cols }, (_, c) =>
      runsOf(
        cells[c] ?? [],
        { size: st.size, lineHeight: st.lineHeight, color: ctx.style.body.color, bold },
        ctx,
        node,
      ),
    );

  const headerNodes = b.header.length ? headerCells(b.header.length, cols, table) : null;
  const headerRuns = headerNodes ? runs(b.header, true, headerNodes.row) : null;
  const bodyRows = b.rows.map((cells) => {
    const row = structNode('TR', table);
    return { row, runs: runs(cells, false, row) };
  });
  const widths = columnWidths(
    [...(headerRuns ? [headerRuns] : []), ...bodyRows.map((r) => r.runs)],
    cols,
    frame.width,
    ctx,
  );
  // Columns narrower than two characters break every word into letters that overprint the rules:
  // say so (a warning), as nothing else would tell that the table is unreadable.
  const narrowest = Math.min(...widths);
  if (narrowest < st.size * 2)
    ctx.notes.add(
      `a table of ${cols} columns is too wide for the page (columns ${narrowest.toFixed(0)} pt wide); split it or ` +
        `turn it into a list`,
    );

  const out: Slice[] = [];
  const page = ctx.style.content.height;
  let header: Slice | null = null;
  if (headerNodes && headerRuns) {
    const slices = rowSlices(headerRuns, headerNodes.cells, widths, b.align, frame, ctx, {
      fill: st.headerFill,
      top: true,
      room: page / 2,
    });
    for (const s of slices) s.keepWithNext = true;
    header = slices[0]!;
    out.push(...slices);
  }
  const group = ctx.nextId();
  const repeat = header ? asArtifact(header) : undefined;
  bodyRows.forEach(({ row, runs: cells }, r) => {
    const nodes = cells.map(() => structNode('TD', row));
    const room = page - (header?.height ?? 0);
    for (const slice of rowSlices(cells, nodes, widths, b.align, frame, ctx, {
      fill: r % 2 === 1 ? st.stripeFill : null,
      top: !header && r === 0,
      room,
    })) {
      slice.group = group;
      if (repeat) slice.repeat = repeat;
      out.push(slice);
    }
  });
  // A table of up to a third of a page moves to the next page whole rather than split.
  if (out.reduce((h, x) => h + x.height, 0) <= page / 3) for (const x of out.slice(0, -1)) x.keepWithNext = true;
  return out;
}

// --- internal ---

function headerCells(count: number, cols: number, table: ReturnType<typeof structNode>) {
  const row = structNode('TR', table);
  return {
    row,
    cells: Array.from({ length: Math.max(count, cols) }, () => structNode('TH', row, { scope: 'Column' })),
  };
}

/**
 * Auto table layout (as browsers do it): every column gets at least its longest word; the rest of the
 * width goes to the columns in proportion to how much more they would need to avoid wrapping.
 */
export function distribute(min: number[], natural: number[], width: number): number[] {
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumNat = natural.reduce((a, b) => a + b, 0);
  if (sumNat <= width) return natural.map((n) => n + (width - sumNat) / natural.length);
  if (sumMin >= width) return min.map((m) => (m * width) / sumMin);
  const extra = width - sumMin;
  const want = sumNat - sumMin;
  return min.map((m, i) => m + ((natural[i]! - m) * extra) / want);
}

function columnWidths(rows: Run[][][], cols: number, width: number, ctx: Ctx): number[] {
  const pad = 2 * ctx.style.table.padX;
  const min = new Array<number>(cols).fill(pad);
  const natural = new Array<number>(cols).fill(pad);
  for (const row of rows) {
    row.forEach((runs, c) => {
      const whole = breakLines(runs, Number.POSITIVE_INFINITY, ctx.metrics);
      min[c] = Math.max(min[c]!, pad + longestWord(runs, ctx.metrics));
      natural[c] = Math.max(natural[c]!, pad + Math.max(0, ...whole.map((l) => l.width)));
    });
  }
  // A single unbreakable word may not claim the whole table: it will be cut between characters.
  const cap = width / Math.min(cols, 2);
  return distribute(
    min.map((m) => Math.min(m, cap)),
    natural,
    width,
  );
}

/** A row as slices: one, unless a cell holds more lines than a page; then the row continues on the next. */
function rowSlices(
  cells: Run[][],
  nodes: ReturnType<typeof structNode>[],
  widths: number[],
  align: Align[],
  frame: Frame,
  ctx: Ctx,
  opts: { fill: string | null; top: boolean; room: number },
): Slice[] {
  const st = ctx.style.table;
  const lh = st.size * st.lineHeight;
  const baseline = baselineIn(lh, st.size, ctx.metrics);
  const lines: Line[][] = cells.map((runs, c) => breakLines(runs, widths[c]! - 2 * st.padX, ctx.metrics));
  const count = Math.max(1, ...lines.map((l) => l.length));
  const perSlice = Math.max(1, Math.floor((opts.room - 2 * st.padY) / lh));
  const right = frame.x + widths.reduce((a, b) => a + b, 0);
  const out: Slice[] = [];
  for (let from = 0; from < count; from += perSlice) {
    const height = Math.min(perSlice, count - from) * lh + 2 * st.padY;
    const items: Item[] = [];
    if (opts.fill) items.push({ kind: 'rect', x: frame.x, y: 0, width: right - frame.x, height, fill: opts.fill });
    if (opts.top && from === 0)
      items.push({ kind: 'line', x1: frame.x, y1: 0, x2: right, y2: 0, width: 1, color: st.rule });
    let x = frame.x;
    lines.forEach((cellLines, c) => {
      const node = nodes[c]!;
      if (from === 0) items.push({ kind: 'node', node });
      const inner = widths[c]! - 2 * st.padX;
      cellLines.slice(from, from + perSlice).forEach((line, i) => {
        const a = align[c] ?? 'left';
        const shift = a === 'center' ? (inner - line.width) / 2 : a === 'right' ? inner - line.width : 0;
        items.push(...lineItems(line, x + st.padX + shift, st.padY + i * lh + baseline, node));
      });
      x += widths[c]!;
    });
    items.push({
      kind: 'line',
      x1: frame.x,
      y1: height,
      x2: right,
      y2: height,
      width: opts.top ? 1 : 0.5,
      color: st.rule,
    });
    out.push({ height, spaceBefore: 0, items });
  }
  return out;
}

function asArtifact(slice: Slice): Slice {
  const items = slice.items.flatMap((i): Item[] =>
    i.kind === 'node' ? [] : i.kind === 'text' || i.kind === 'formula' ? [{ ...i, node: null }] : [{ ...i }],
  );
  return { height: slice.height, spaceBefore: 0, items, keepWithNext: true };
}
