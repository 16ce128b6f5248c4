import type { Block, Inline } from './blocks.js';
import { shiftSlice, structNode, type Box, type Slice } from './flow.js';
import { baselineIn, keepAll, keepLines, textSlices, type Ctx, type Frame } from './layout-text.js';

/** Lays out the blocks inside a container (list item, quote, definition). */
export type LayoutBlocks = (blocks: Block[], frame: Frame) => Slice[];

/**
 * Bullet and numbered lists, nested to any depth (the bullet cycles • ◦ ▪). The marker sits in the
 * first slice of its item, so a page can never separate an item from its marker.
 */
export function listSlices(b: Extract<Block, { kind: 'list' }>, frame: Frame, ctx: Ctx, inner: LayoutBlocks): Slice[] {
  const { indent, itemSpace, bullets, markerColor } = ctx.style.list;
  const body = ctx.style.body;
  const list = structNode('L', frame.parent);
  const out: Slice[] = [];
  b.items.forEach((blocks, k) => {
    const li = structNode('LI', list);
    const label = structNode('Lbl', li);
    const itemFrame: Frame = {
      ...frame,
      x: frame.x + indent,
      width: frame.width - indent,
      parent: structNode('LBody', li),
      listLevel: frame.listLevel + 1,
      inList: true,
    };
    const slices = inner(blocks, itemFrame);
    if (!slices.length) slices.push({ height: body.size * body.lineHeight, spaceBefore: 0, items: [] });
    const first = slices[0]!;
    const firstText = first.items.find((i) => i.kind === 'text' || i.kind === 'formula');
    const baseline =
      firstText?.kind === 'text' || firstText?.kind === 'formula'
        ? firstText.y
        : baselineIn(body.size * body.lineHeight, body.size, ctx.metrics);
    const gap = body.size * 0.45;
    // Steps: the number in a filled disc; questions: an empty tick box to mark (both top-level lists only).
    if (frame.callout === 'questions' && frame.listLevel === 0) {
      const size = body.size * 1.05;
      first.items.unshift({
        kind: 'icon',
        icon: 'checkbox',
        x: itemFrame.x - gap - size,
        y: baseline - size * 0.88,
        size,
        color: ctx.style.marks.box,
      });
      if (k > 0) first.spaceBefore = itemSpace * 1.6;
      out.push(...slices);
      return;
    }
    if (frame.callout === 'steps' && frame.listLevel === 0 && b.ordered) {
      const size = body.size * 1.45;
      const number = String(b.start + k);
      const numberSize = body.size * 0.8;
      const numberWidth = ctx.metrics.width(number, 'bold', numberSize);
      const x = itemFrame.x - gap - size;
      first.items.unshift(
        { kind: 'icon', icon: 'disc', x, y: baseline - size * 0.78, size, color: ctx.style.marks.stepFill },
        {
          kind: 'text',
          x: x + (size - numberWidth) / 2,
          y: baseline - size * 0.78 + size / 2 + numberSize * 0.36,
          text: `${number} `,
          font: 'bold',
          size: numberSize,
          color: ctx.style.marks.stepText,
          width: numberWidth,
          node: label,
        },
      );
      if (k > 0) first.spaceBefore = itemSpace * 1.6;
      out.push(...slices);
      return;
    }
    const marker = b.ordered ? `${b.start + k}.` : bullets[frame.listLevel % bullets.length]!;
    const font = b.ordered ? 'regular' : 'bold';
    const width = ctx.metrics.width(marker, font, body.size);
    first.items.unshift({
      kind: 'text',
      x: itemFrame.x - gap - width,
      y: baseline,
      text: `${marker} `,
      font,
      size: body.size,
      color: b.ordered ? body.color : markerColor,
      width,
      node: label,
    });
    if (k > 0) first.spaceBefore = itemSpace;
    out.push(...slices);
  });
  // A list of up to 8 items moves whole; a longer one breaks, but never leaves a lone first or last line.
  if (b.items.length <= 8) {
    keepAll(out.slice(0, -1));
    return out;
  }
  return keepLines(out, ctx.style.orphans, ctx.style.widows);
}

/** Block quotes are set as callout boxes: shaded, with a bar on the left (the summary box). */
export function quoteSlices(blocks: Block[], frame: Frame, ctx: Ctx, inner: LayoutBlocks): Slice[] {
  const { fill, bar, barWidth, pad } = ctx.style.quote;
  const box: Box = { id: ctx.nextId(), x: frame.x, width: frame.width, fill, bar: { color: bar, width: barWidth } };
  const slices = inner(blocks, {
    ...frame,
    x: frame.x + barWidth + pad,
    width: frame.width - barWidth - 2 * pad,
    parent: structNode('BlockQuote', frame.parent),
    boxes: [...frame.boxes, box],
    inList: false,
  });
  return padded(slices, pad * 0.8, pad * 0.8);
}

/**
 * A definition list (the glossary): the term in bold, its definition indented below it. Tagged as a
 * list whose label is the term, the usual mapping since PDF has no definition-list type.
 */
export function definitionSlices(
  b: Extract<Block, { kind: 'definitions' }>,
  frame: Frame,
  ctx: Ctx,
  inner: LayoutBlocks,
): Slice[] {
  const body = ctx.style.body;
  const list = structNode('L', frame.parent);
  const out: Slice[] = [];
  b.items.forEach((item, k) => {
    const li = structNode('LI', list);
    const term = keepAll(
      textSlices(
        item.term,
        { size: body.size, lineHeight: body.lineHeight, color: body.color, bold: true },
        frame,
        structNode('Lbl', li),
        ctx,
      ),
    );
    const defFrame: Frame = {
      ...frame,
      x: frame.x + ctx.style.list.indent * 0.7,
      width: frame.width - ctx.style.list.indent * 0.7,
      parent: structNode('LBody', li),
      inList: true,
    };
    const defs = item.definitions.flatMap((d, i) => {
      const slices = inner(d, defFrame);
      if (slices[0] && i > 0) slices[0].spaceBefore = ctx.style.list.itemSpace;
      return slices;
    });
    const slices = [...term, ...defs];
    if (!slices.length) return;
    if (k > 0) slices[0]!.spaceBefore = body.paragraphSpace * 0.8;
    out.push(...slices);
  });
  return out;
}

export function codeSlices(text: string, frame: Frame, ctx: Ctx): Slice[] {
  const { size, lineHeight, fill, pad } = ctx.style.code;
  const box: Box = { id: ctx.nextId(), x: frame.x, width: frame.width, fill };
  const node = structNode('Code', frame.parent);
  // Spaces matter in code: no-break spaces keep the indentation through line breaking.
  const lines: Inline[] = text
    .split('\n')
    .flatMap((line, i) => [
      ...(i ? [{ text: '', break: true }] : []),
      { text: line.replace(/\t/g, '    ').replace(/ /g, '\u00a0') || '\u00a0', code: true },
    ]);
  const slices = textSlices(
    lines,
    { size: size / 0.92, lineHeight, color: ctx.style.body.color },
    { ...frame, x: frame.x + pad, width: frame.width - 2 * pad, boxes: [...frame.boxes, box] },
    node,
    ctx,
  );
  for (const s of slices) s.boxes = [...frame.boxes, box];
  return padded(slices, pad * 0.7, pad * 0.7);
}

export function ruleSlice(frame: Frame, ctx: Ctx): Slice {
  const { color, space } = ctx.style.rule;
  return {
    height: 2 * space,
    spaceBefore: 0,
    items: [{ kind: 'line', x1: frame.x, y1: space, x2: frame.x + frame.width, y2: space, width: 0.75, color }],
  };
}

export function padded(slices: Slice[], top: number, bottom: number): Slice[] {
  const first = slices[0];
  const last = slices[slices.length - 1];
  if (!first || !last) return slices;
  shiftSlice(first, top);
  first.height += top;
  last.height += bottom;
  return slices;
}
