import { mathAsSource, splitMath } from '../../math/dollars.js';
import { formulaKey, type Formula } from '../../math/types.js';
import type { Block, Inline } from './blocks.js';
import { structNode, type Item, type Slice, type StructNode } from './flow.js';
import type { Fragment, Line, Run } from './line-break.js';
import type { Style } from './style.js';

// Formulas in the layout: typeset beforehand (render.ts asks the math engine for every formula of
// the handout), so layout stays pure and only places boxes of a known size. An inline formula is a
// run of its own that line breaking treats as one unbreakable piece of a word; a display formula is
// a slice of its own, centred. Each is a Formula structure element whose alt text is its TeX.

/**
 * Formulas are set so that their x-height matches the text's, as MathJax does in a browser: DejaVu
 * Sans has an x-height of 0.547 em, MathJax's fonts 0.442 em (1.24); a little less keeps an inline
 * fraction inside the line more often.
 */
export const MATH_SCALE = 1.2;

/** The handout's formulas, by formulaKey(tex, display). */
export type Formulas = ReadonlyMap<string, Formula>;

/** An inline formula at the text size, or null when it was not typeset (the TeX is printed then). */
export function formulaRun(
  tex: string,
  size: number,
  color: string,
  formulas: Formulas,
  parent: StructNode,
): Run | null {
  const f = formulas.get(formulaKey(tex, false));
  if (!f) return null;
  return {
    text: tex,
    font: 'regular',
    size,
    color,
    node: structNode('Formula', parent, { alt: tex, placement: 'Inline' }),
    formula: { svg: f.svg, ...scaled(f, size * MATH_SCALE) },
  };
}

const scaled = (f: Formula, em: number) => ({ width: f.width * em, ascent: f.ascent * em, descent: f.descent * em });

export function formulaItem(f: Fragment, x: number, baseline: number, node: StructNode | null): Item {
  const box = f.run.formula!;
  return {
    kind: 'formula',
    x: x + f.x,
    y: baseline,
    width: box.width,
    ascent: box.ascent,
    descent: box.descent,
    svg: box.svg,
    color: f.run.color,
    // A formula in an artifact (the running header) is an artifact too.
    node: node === null ? null : (f.run.node ?? node),
  };
}

/**
 * A line's height and baseline: the text's line box, made taller where a formula (a fraction, a
 * matrix) reaches above or below it, with a little room so it does not touch the next line.
 */
export function lineBox(line: Line, height: number, baseline: number): { height: number; baseline: number } {
  let above = baseline;
  let below = height - baseline;
  for (const f of line.fragments) {
    const box = f.run.formula;
    if (!box) continue;
    const pad = f.run.size * 0.15;
    above = Math.max(above, box.ascent + pad);
    below = Math.max(below, box.descent + pad);
  }
  return { height: above + below, baseline: above };
}

/**
 * A display formula: centred in the frame at the body size (scaled down to fit when wider), one
 * slice that never breaks; without a typeset formula, its TeX in the code font.
 */
export function displaySlices(
  tex: string,
  frame: { x: number; width: number; parent: StructNode },
  formulas: Formulas,
  style: Style,
): Slice[] | null {
  const f = formulas.get(formulaKey(tex, true));
  if (!f) return null;
  const { width, ascent, descent } = scaled(f, Math.min(style.body.size * MATH_SCALE, frame.width / f.width));
  const pad = style.body.size * 0.25;
  return [
    {
      height: pad + ascent + descent + pad,
      spaceBefore: 0,
      items: [
        {
          kind: 'formula',
          x: frame.x + (frame.width - width) / 2,
          y: pad + ascent,
          width,
          ascent,
          descent,
          svg: f.svg,
          color: style.body.color,
          node: structNode('Formula', frame.parent, { alt: tex, placement: 'Block' }),
        },
      ],
    },
  ];
}

/** Plain text that may hold `$…$` (a title from the front matter) as inlines. */
export function inlinesWithMath(text: string): Inline[] {
  return splitMath(text).map((s) => ('math' in s ? { text: s.math.tex, math: true } : { text: s.text }));
}

/**
 * Runs of a one-line text with formulas (the running header), or null when it has none or they do
 * not fit: the caller then shortens the text with the TeX as written.
 */
export function runsWithMath(
  text: string,
  base: Omit<Run, 'text'>,
  formulas: Formulas,
  fits: (runs: Run[]) => boolean,
): Run[] | null {
  const parts = splitMath(text);
  if (!parts.some((p) => 'math' in p)) return null;
  const parent = structNode('P', null);
  const runs = parts.map(
    (p) =>
      ('math' in p ? formulaRun(p.math.tex, base.size, base.color, formulas, parent) : null) ?? {
        ...base,
        text: 'math' in p ? mathAsSource(text.slice(p.math.start, p.math.end)) : p.text,
      },
  );
  return fits(runs) ? runs : null;
}

/** Every formula of the blocks and of the plain texts (title, header) that may hold `$…$`. */
export function formulasIn(
  blocks: readonly Block[],
  texts: readonly (string | null)[],
): { tex: string; display: boolean }[] {
  const out: { tex: string; display: boolean }[] = [];
  const inlines = (list: readonly Inline[]) => {
    for (const i of list) if (i.math) out.push({ tex: i.text, display: false });
  };
  const walk = (list: readonly Block[]): void => {
    for (const b of list) {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          inlines(b.inlines);
          break;
        case 'math':
          out.push({ tex: b.tex, display: true });
          break;
        case 'list':
          b.items.forEach(walk);
          break;
        case 'quote':
          walk(b.blocks);
          break;
        case 'table':
          [...b.header, ...b.rows.flat()].forEach(inlines);
          break;
        case 'image':
          if (b.caption) inlines(b.caption);
          break;
        case 'definitions':
          for (const item of b.items) {
            inlines(item.term);
            item.definitions.forEach(walk);
          }
          break;
      }
    }
  };
  walk(blocks);
  for (const text of texts)
    if (text) for (const s of splitMath(text)) if ('math' in s) out.push({ tex: s.math.tex, display: false });
  return out;
}
