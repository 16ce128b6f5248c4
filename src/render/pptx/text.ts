import type { Block, Inline } from '../deck/model.js';
import { hexOf, sz, type Look } from './look.js';
import { linearMath } from './linear-math.js';
import { esc } from './xml.js';

// Inline Markdown → DrawingML runs, blocks → paragraphs of a text body. Paragraphs carry only what differs
// from the master's text styles (bullet levels, sizes, colours are inherited), so a slide restyled in
// PowerPoint (Design, Reset) follows the new look.

export interface TextContext {
  look: Look;
  /** The relationship id of a hyperlink on the part being written. */
  link(url: string): string;
  /** Called for each inline formula written as its TeX (one without a linear form). */
  onMath(tex: string): void;
}

export interface RunStyle {
  /** Font size in CSS px (absent: inherited). */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  /** #rrggbb (absent: inherited). */
  color?: string;
  /** A font named on the run (absent: the theme's, inherited). */
  font?: string;
  /** Raised (superscript, > 0) or lowered (subscript, < 0), in thousandths of a percent. */
  baseline?: number;
}

export function rPr(ctx: TextContext, style: RunStyle, extra: { mono?: boolean; link?: string } = {}): string {
  const attrs = [
    `lang="${esc(ctx.look.lang)}"`,
    style.size ? `sz="${sz(style.size)}"` : '',
    style.bold ? 'b="1"' : '',
    style.italic ? 'i="1"' : '',
    style.baseline ? `baseline="${style.baseline}"` : '',
    'dirty="0"',
  ].filter(Boolean);
  const children =
    (style.color ? `<a:solidFill><a:srgbClr val="${hexOf(style.color)}"/></a:solidFill>` : '') +
    (extra.mono || style.font
      ? `<a:latin typeface="${esc(extra.mono ? ctx.look.mono : style.font!)}"/>` +
        `<a:cs typeface="${esc(extra.mono ? ctx.look.mono : style.font!)}"/>`
      : '') +
    (extra.link ? `<a:hlinkClick r:id="${ctx.link(extra.link)}"/>` : '');
  return children ? `<a:rPr ${attrs.join(' ')}>${children}</a:rPr>` : `<a:rPr ${attrs.join(' ')}/>`;
}

/** Runs for inline content; adjacent pieces with the same look stay separate runs (harmless, exact). */
export function runs(inlines: readonly Inline[], ctx: TextContext, base: RunStyle = {}): string {
  let out = '';
  for (const i of inlines) {
    if (i.break) {
      out += `<a:br>${rPr(ctx, base)}</a:br>`;
      continue;
    }
    if (i.text === '') continue;
    // Inline math: in linear form where the TeX has a faithful one (display formulas are pictures, slide.ts);
    // otherwise its TeX in a monospace run, counted by `onMath` for the warning.
    const linear = i.math ? linearMath(i.text) : null;
    if (linear) {
      for (const m of linear) {
        const style: RunStyle = { ...base, bold: base.bold || i.bold, italic: base.italic || i.italic || m.italic };
        if (m.baseline) style.baseline = m.baseline;
        out += `<a:r>${rPr(ctx, style, i.link ? { link: i.link } : {})}<a:t>${esc(m.text)}</a:t></a:r>`;
      }
      continue;
    }
    if (i.math) ctx.onMath(i.text);
    const style: RunStyle = { ...base, bold: base.bold || i.bold, italic: base.italic || i.italic };
    const mono = i.code || i.math;
    if (mono && base.size) style.size = base.size * 0.9;
    out += `<a:r>${rPr(ctx, style, { mono, ...(i.link ? { link: i.link } : {}) })}<a:t>${esc(i.text)}</a:t></a:r>`;
  }
  return out;
}

export interface ParagraphOptions {
  /** Text alignment of every paragraph (absent: the placeholder's). */
  align?: 'l' | 'ctr' | 'r';
  /** Size and colour for everything (captions, table cells). */
  style?: RunStyle;
  /** Body-text size in px, for headings and code inside the body. */
  body: number;
  heading3: number;
}

/** A paragraph that is no list item: no bullet, no indent. */
const plain = (o: ParagraphOptions, extra = '') =>
  `<a:pPr marL="0" indent="0"${o.align ? ` algn="${o.align}"` : ''}>${extra}<a:buNone/></a:pPr>`;

function paragraph(pPr: string, content: string, ctx: TextContext, style: RunStyle): string {
  return `<a:p>${pPr}${content}${endRPr(ctx, style)}</a:p>`;
}

/** The paragraph's end mark (what a new line typed after the last run looks like). */
export function endRPr(ctx: TextContext, style: RunStyle = {}): string {
  const attrs = [
    `lang="${esc(ctx.look.lang)}"`,
    style.size ? `sz="${sz(style.size)}"` : '',
    style.bold ? 'b="1"' : '',
    style.italic ? 'i="1"' : '',
    'dirty="0"',
  ].filter(Boolean);
  return `<a:endParaRPr ${attrs.join(' ')}/>`;
}

/** The paragraphs of blocks in a text body (lists become bullet levels, numbered lists auto-numbers). */
export function paragraphs(blocks: readonly Block[], ctx: TextContext, o: ParagraphOptions, level = 0): string[] {
  const style = o.style ?? {};
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading': {
        const hs: RunStyle = { ...style, bold: true, size: style.size ?? o.heading3 };
        out.push(paragraph(plain(o), runs(b.inlines, ctx, hs), ctx, hs));
        break;
      }
      case 'paragraph':
        out.push(paragraph(level ? indented(level, o) : plain(o), runs(b.inlines, ctx, style), ctx, style));
        break;
      case 'list':
        b.items.forEach((item, n) => {
          item.forEach((part, k) => {
            if (k === 0 && (part.kind === 'paragraph' || part.kind === 'heading')) {
              const bullet = b.ordered
                ? `<a:buFont typeface="+mj-lt"/><a:buAutoNum ` +
                  `type="arabicPeriod"${n === 0 && b.start !== 1 ? ` startAt="${b.start}"` : ''}/>`
                : '';
              const pPr = `<a:pPr lvl="${Math.min(level, 8)}"${o.align ? ` algn="${o.align}"` : ''}>${bullet}</a:pPr>`;
              out.push(paragraph(pPr, runs(part.inlines, ctx, style), ctx, style));
            } else out.push(...paragraphs([part], ctx, o, part.kind === 'list' ? level + 1 : level + 1));
          });
        });
        break;
      case 'quote':
        out.push(...paragraphs(b.blocks, ctx, { ...o, style: { ...style, italic: true } }, level + 1));
        break;
      case 'code': {
        const cs: RunStyle = { ...style, size: (style.size ?? o.body) * 0.8 };
        for (const line of b.text.split('\n'))
          out.push(paragraph(plain(o), runs([{ text: line || ' ', code: true }], ctx, cs), ctx, cs));
        break;
      }
      case 'math':
        out.push(paragraph(plain({ ...o, align: 'ctr' }), runs([{ text: b.tex, math: true }], ctx, style), ctx, style));
        break;
      case 'definitions':
        for (const item of b.items) {
          const ts: RunStyle = { ...style, bold: true };
          out.push(paragraph(plain(o), runs(item.term, ctx, ts), ctx, ts));
          for (const d of item.definitions) out.push(...paragraphs(d, ctx, o, level + 1));
        }
        break;
      case 'table':
        // A table inside a list or quote: its rows as lines of text (top-level tables are native tables).
        for (const row of [b.header, ...b.rows])
          out.push(paragraph(plain(o), runs(joinCells(row), ctx, style), ctx, style));
        break;
      case 'image':
        if (b.caption) out.push(paragraph(plain(o), runs(b.caption, ctx, { ...style, italic: true }), ctx, style));
        break;
      case 'rule':
      case 'pagebreak':
        break;
    }
  }
  return out;
}

function indented(level: number, o: ParagraphOptions): string {
  const mar = Math.round(o.body * 1.1 * level * 9525);
  return `<a:pPr marL="${mar}" indent="0"${o.align ? ` algn="${o.align}"` : ''}><a:buNone/></a:pPr>`;
}

function joinCells(row: readonly Inline[][]): Inline[] {
  return row.flatMap((cell, i) => (i ? [{ text: ' | ' }, ...cell] : cell));
}

/** A text body: the paragraphs, or one empty paragraph (a text body must hold at least one). */
export function txBody(
  bodyPr: string,
  paras: readonly string[],
  lang: string,
  lstStyle = '<a:lstStyle/>',
  tag = 'p:txBody',
): string {
  const content = paras.length ? paras.join('') : `<a:p><a:endParaRPr lang="${esc(lang)}" dirty="0"/></a:p>`;
  return `<${tag}>${bodyPr}${lstStyle}${content}</${tag}>`;
}
