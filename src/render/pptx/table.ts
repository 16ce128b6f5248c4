import type { Block, Inline } from '../deck/model.js';
import { plainText } from '../handout-pdf/blocks.js';
import { xfrm, type Rect } from './layouts.js';
import { emu, hexOf, mix, type Look } from './look.js';
import { paragraphs, txBody, type TextContext } from './text.js';
import { esc } from './xml.js';

// A Markdown table as a native PowerPoint table: header row marked (`firstRow`, so PowerPoint and screen
// readers know it), banded rows, column widths by content, the theme's colours.

type Table = Extract<Block, { kind: 'table' }>;

/** Column widths (px) in `width`, by each column's longest cell, every column at least half its fair share. */
export function columnWidths(t: Table, width: number): number[] {
  const n = Math.max(t.header.length, ...t.rows.map((r) => r.length), 1);
  const len = Array.from({ length: n }, (_, c) =>
    Math.max(4, ...[t.header, ...t.rows].map((r) => Math.min(60, plainText(r[c] ?? []).length))),
  );
  const total = len.reduce((a, b) => a + b, 0);
  const raw = len.map((l) => Math.max(width / n / 2, (width * l) / total));
  const k = width / raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => Math.floor(w * k));
}

/** Estimated row heights (px) at a font size: lines by average character width, plus cell margins. */
export function rowHeights(t: Table, widths: number[], size: number, lineHeight: number): number[] {
  return [t.header, ...t.rows].map((row) => {
    const lines = Math.max(
      1,
      ...row.map((cell, c) =>
        Math.ceil((plainText(cell).length * size * 0.55) / Math.max(10, (widths[c] ?? 100) - size * 0.8)),
      ),
    );
    return Math.ceil(lines * size * lineHeight * 1.05 + size * 0.6);
  });
}

export function tableXml(
  t: Table,
  rect: Rect,
  grid: { size: number; widths: number[]; heights: number[] },
  id: number,
  ctx: TextContext,
  look: Look,
): string {
  const p = look.palette;
  const { size, widths, heights } = grid;
  const edge = (tag: string, colour: string) =>
    `<a:${tag} w="9525" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:srgbClr val="${hexOf(colour)}"/>` +
    `</a:solidFill><a:prstDash val="solid"/></a:${tag}>`;
  const border = mix(p.background, p.text, 0.25);
  const band = mix(p.background, p.text, 0.06);
  const cell = (inlines: Inline[], col: number, header: boolean, row: number) => {
    const algn = t.align[col] === 'center' ? 'ctr' : t.align[col] === 'right' ? 'r' : undefined;
    const paras = paragraphs([{ kind: 'paragraph', inlines }], ctx, {
      body: size,
      heading3: size,
      style: { size, bold: header || undefined },
      ...(algn ? { align: algn } : {}),
    });
    const m = emu(size * 0.35);
    const fill = header
      ? `<a:solidFill><a:srgbClr val="${hexOf(mix(p.background, p.accent, 0.18))}"/></a:solidFill>`
      : row % 2 === 1
        ? `<a:solidFill><a:srgbClr val="${hexOf(band)}"/></a:solidFill>`
        : '<a:noFill/>';
    const edges = ['lnL', 'lnR', 'lnT', 'lnB'].map((e) => edge(e, border)).join('');
    return (
      `<a:tc>${txBody('<a:bodyPr/>', paras, ctx.look.lang, '<a:lstStyle/>', 'a:txBody')}<a:tcPr marL="${m}" ` +
      `marR="${m}" marT="${Math.round(m / 2)}" marB="${Math.round(m / 2)}">${edges}${fill}</a:tcPr></a:tc>`
    );
  };
  const n = widths.length;
  const rows = [t.header, ...t.rows].map(
    (r, i) =>
      `<a:tr ` +
      `h="${emu(heights[i]!)}">${Array.from({ length: n }, (_, c) => cell(r[c] ?? [], c, i === 0, i)).join('')}</a:tr>`,
  );
  const width = widths.reduce((a, b) => a + b, 0);
  const height = heights.reduce((a, b) => a + b, 0);
  const summary = t.header.map((h) => plainText(h)).join(', ');
  return (
    `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${id}" name="Table ` +
    `${id}"${summary ? ` descr="${esc(`Table: ${summary}`)}"` : ''}/>` +
    `<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>` +
    xfrm({ ...rect, w: width, h: height }, 'p:xfrm') +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>` +
    `<a:tblPr firstRow="1" bandRow="1"/>` +
    `<a:tblGrid>${widths.map((w) => `<a:gridCol w="${emu(w)}"/>`).join('')}</a:tblGrid>${rows.join('')}` +
    `</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`
  );
}
