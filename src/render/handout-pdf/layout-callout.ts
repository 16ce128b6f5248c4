import type { Block } from './blocks.js';
import { structNode, type Box, type Slice } from './flow.js';
import { padded, type LayoutBlocks } from './layout-containers.js';
import { baselineIn, textSlices, type Ctx, type Frame } from './layout-text.js';
import type { SectionKind } from '../../content/schema.js';
import { KIND_LABEL_KEYS as LABEL_KEYS, label } from '../../strings/label.js';

/**
 * A section kind's container. Warning, call and tip are boxes: a label strip (icon + label from the
 * string table) above the section's own heading and content, all kept on one page (a box taller
 * than a page is the only one that breaks). Steps and questions are not boxed: their lists get
 * numbered discs and tick boxes (layout-containers.ts reads `frame.callout`), and the whole group
 * moves as one when it holds up to 8 items. Tagged as a Sect: label P, the heading, the lists; the
 * box, the strip and the icons are artifacts.
 */
export function calloutSlices(
  b: Extract<Block, { kind: 'callout' }>,
  frame: Frame,
  ctx: Ctx,
  inner: LayoutBlocks,
): Slice[] {
  const sect = structNode('Sect', frame.parent);
  if (b.callout === 'steps' || b.callout === 'questions') {
    const slices = inner(b.blocks, { ...frame, parent: sect, callout: b.callout });
    return keepShort(slices, b);
  }
  const look = ctx.style.callout[b.callout];
  const { pad, labelSize } = ctx.style.callout;
  const border = look.border?.width ?? 0;
  const bar = look.bar?.width ?? 0;
  const box: Box = {
    id: ctx.nextId(),
    x: frame.x,
    width: frame.width,
    fill: look.fill,
    ...(look.bar ? { bar: look.bar } : {}),
    ...(look.border ? { border: look.border } : {}),
  };
  const left = Math.max(border, bar) + pad;
  const contentFrame: Frame = {
    ...frame,
    x: frame.x + left,
    width: frame.width - left - border - pad,
    parent: sect,
    boxes: [...frame.boxes, box],
    inList: false,
    callout: b.callout,
  };
  const label = labelSlice(b.callout, frame, contentFrame, ctx, sect, { border, bar, labelSize });
  const body = inner(b.blocks, contentFrame);
  if (body[0]) body[0].spaceBefore = ctx.style.afterHeading;
  const slices = padded([label, ...body], look.labelFill ? 0 : pad * 0.6, pad * 0.8);
  for (const s of slices) s.boxes ??= contentFrame.boxes;
  for (const s of slices.slice(0, -1)) s.keepWithNext = true;
  return slices;
}

// --- internal ---

function labelSlice(
  kind: Exclude<SectionKind, 'steps' | 'questions'>,
  outer: Frame,
  content: Frame,
  ctx: Ctx,
  sect: ReturnType<typeof structNode>,
  { border, bar, labelSize }: { border: number; bar: number; labelSize: number },
): Slice {
  const look = ctx.style.callout[kind];
  const height = labelSize * 1.9;
  const iconSize = labelSize * 1.25;
  const text = label(LABEL_KEYS[kind], ctx.lang);
  const textX = content.x + iconSize + labelSize * 0.45;
  const [line] = textSlices(
    [{ text }],
    { size: labelSize, lineHeight: 1.9, color: look.labelColor, bold: true },
    { ...content, x: textX, width: content.width - (textX - content.x) },
    structNode('P', sect),
    ctx,
  );
  const items: Slice['items'] = [];
  if (look.labelFill) {
    // The strip spans the box inside its outline (and its bar), so the outline frames it.
    const x = outer.x + Math.max(border, bar);
    items.push({ kind: 'rect', x, y: 0, width: outer.x + outer.width - border - x, height, fill: look.labelFill });
  }
  const baseline = baselineIn(height, labelSize, ctx.metrics, 'bold');
  items.push({
    kind: 'icon',
    icon: look.icon,
    x: content.x,
    y: baseline - iconSize * 0.85,
    size: iconSize,
    color: look.labelColor,
  });
  for (const item of line?.items ?? []) if (item.kind === 'text') items.push({ ...item, y: baseline });
  return { height, spaceBefore: 0, items };
}

/** Steps and questions with up to 8 items (in all their lists) move to the next page whole. */
function keepShort(slices: Slice[], b: Extract<Block, { kind: 'callout' }>): Slice[] {
  const items = b.blocks.reduce((n, x) => n + (x.kind === 'list' ? x.items.length : 0), 0);
  if (items <= 8) for (const s of slices.slice(0, -1)) s.keepWithNext = true;
  return slices;
}
