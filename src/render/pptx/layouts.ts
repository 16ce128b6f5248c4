import { emu, sz, hexOf, type Look } from './look.js';
import { esc } from './xml.js';

// The slide layouts of the master, each with real placeholders (so "Reset slide", "Layout" and "Design"
// work in PowerPoint), and their geometry on the slide in CSS px. A deck gets the standard set, plus one
// "picture beside" layout per side and width its slides use (Marp's `![bg right:40%](…)`).

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type LayoutKind = 'title' | 'content' | 'section' | 'message' | 'titleOnly' | 'blank' | 'picture';

export interface LayoutSpec {
  kind: LayoutKind;
  /** For `picture`: where the picture goes and how much of the width it takes. */
  side?: 'left' | 'right';
  fraction?: number;
}

export interface Placeholder {
  /** The `<p:ph>` element, the same on the layout and on slides that use it. */
  ph: string;
  rect: Rect;
}

export interface Layout {
  spec: LayoutSpec;
  key: string;
  name: string;
  /** `<p:sldLayout type>` (absent: a custom layout). */
  type?: string;
  title?: Placeholder;
  body?: Placeholder;
  pic?: Placeholder;
  /** Lead colours (title, main message, divider). */
  lead: boolean;
  centred: boolean;
}

export const FOOTER_PH = '<p:ph type="ftr" sz="quarter" idx="11"/>';
export const NUMBER_PH = '<p:ph type="sldNum" sz="quarter" idx="12"/>';
export const DATE_PH = '<p:ph type="dt" sz="half" idx="10"/>';

export const layoutKey = (s: LayoutSpec) =>
  s.kind === 'picture' ? `picture-${s.side}-${Math.round((s.fraction ?? 0.5) * 100)}` : s.kind;

/** Geometry of the content area and the title band for a look. */
export function frame(look: Look) {
  const [t, r, b, l] = look.palette.padding;
  const { sizes } = look.palette;
  const titleH = Math.round(sizes.h2 * 1.25 * 1.5);
  const content: Rect = { x: l, y: t, w: look.width - l - r, h: look.height - t - b };
  const gap = Math.round(sizes.body * 0.4);
  return { content, titleH, gap, top: t, bottom: b, left: l, right: r };
}

export function makeLayout(spec: LayoutSpec, look: Look): Layout {
  const f = frame(look);
  const { content: c, titleH, gap } = f;
  const W = look.width;
  const H = look.height;
  const title = (rect: Rect, type = 'title'): Placeholder => ({ ph: `<p:ph type="${type}"/>`, rect });
  const below = (rect: Rect): Rect => ({ x: rect.x, y: rect.y + titleH + gap, w: rect.w, h: rect.h - titleH - gap });
  const band = (rect: Rect): Rect => ({ ...rect, h: titleH });
  const key = layoutKey(spec);
  switch (spec.kind) {
    case 'title':
      return {
        spec,
        key,
        name: 'Title Slide',
        type: 'title',
        title: title({ x: c.x, y: Math.round(H * 0.2), w: c.w, h: Math.round(H * 0.34) }, 'ctrTitle'),
        body: {
          ph: '<p:ph type="subTitle" idx="1"/>',
          rect: { x: c.x, y: Math.round(H * 0.56), w: c.w, h: Math.round(H * 0.3) },
        },
        lead: true,
        centred: true,
      };
    case 'content':
      return {
        spec,
        key,
        name: 'Title and Content',
        type: 'obj',
        title: title(band(c)),
        body: { ph: '<p:ph idx="1"/>', rect: below(c) },
        lead: false,
        centred: false,
      };
    case 'section':
      return {
        spec,
        key,
        name: 'Section Header',
        type: 'secHead',
        title: title({ x: c.x, y: Math.round(H * 0.3), w: c.w, h: Math.round(H * 0.26) }),
        body: {
          ph: '<p:ph type="body" idx="1"/>',
          rect: { x: c.x, y: Math.round(H * 0.58), w: c.w, h: Math.round(H * 0.22) },
        },
        lead: true,
        centred: false,
      };
    case 'message':
      return {
        spec,
        key,
        name: 'Main Message',
        title: title(band(c)),
        body: { ph: '<p:ph type="body" idx="1"/>', rect: below(c) },
        lead: true,
        centred: true,
      };
    case 'titleOnly':
      return { spec, key, name: 'Title Only', type: 'titleOnly', title: title(band(c)), lead: false, centred: false };
    case 'blank':
      return { spec, key, name: 'Blank', type: 'blank', lead: false, centred: false };
    case 'picture': {
      const fraction = spec.fraction ?? 0.5;
      const picW = Math.round(W * fraction);
      const left = spec.side === 'left';
      const text: Rect = {
        x: left ? picW + f.left : c.x,
        y: c.y,
        w: W - picW - f.left - f.right,
        h: c.h,
      };
      return {
        spec,
        key,
        name: `Content, Picture ${left ? 'Left' : 'Right'} ${Math.round(fraction * 100)}%`,
        title: title(band(text)),
        body: { ph: '<p:ph idx="1"/>', rect: below(text) },
        pic: { ph: '<p:ph type="pic" idx="13"/>', rect: { x: left ? 0 : W - picW, y: 0, w: picW, h: H } },
        lead: false,
        centred: false,
      };
    }
  }
}

export const xfrm = (r: Rect, tag = 'a:xfrm') =>
  `<${tag}><a:off x="${emu(r.x)}" y="${emu(r.y)}"/>` +
  `<a:ext cx="${emu(Math.max(1, r.w))}" cy="${emu(Math.max(1, r.h))}"/></${tag}>`;

/** The layout part. Its placeholders hold no text: PowerPoint shows its own prompts, in its own language. */
export function layoutXml(layout: Layout, look: Look, ns: string): string {
  const p = look.palette;
  let id = 2;
  const shape = (
    name: string,
    ph: Placeholder | { ph: string; rect?: Rect },
    lstStyle = '<a:lstStyle/>',
    bodyPr = '<a:bodyPr/>',
  ) =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id++}" name="${esc(name)}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
    `<p:nvPr>${ph.ph}</p:nvPr></p:nvSpPr>` +
    `<p:spPr>${ph.rect ? xfrm(ph.rect) : ''}</p:spPr>` +
    `<p:txBody>${bodyPr}${lstStyle}<a:p><a:endParaRPr lang="${esc(look.lang)}" dirty="0"/></a:p></p:txBody></p:sp>`;
  const colour = layout.lead ? `<a:solidFill><a:srgbClr val="${hexOf(p.lead.text)}"/></a:solidFill>` : '';
  const algn = layout.centred ? ' algn="ctr"' : '';
  const titleSize = layout.spec.kind === 'title' || layout.spec.kind === 'section' ? p.sizes.h1 : p.sizes.h2;
  const titleStyle =
    `<a:lstStyle><a:lvl1pPr${algn}><a:defRPr ` + `sz="${sz(titleSize)}">${colour}</a:defRPr></a:lvl1pPr></a:lstStyle>`;
  const bodyStyle =
    layout.spec.kind === 'title' || layout.spec.kind === 'section' || layout.spec.kind === 'message'
      ? `<a:lstStyle><a:lvl1pPr marL="0" indent="0"${algn}><a:buNone/>` +
        `<a:defRPr sz="${sz(layout.spec.kind === 'title' ? p.sizes.h3 : p.sizes.body)}">${colour}</a:defRPr>` +
        `</a:lvl1pPr></a:lstStyle>`
      : '<a:lstStyle/>';
  const titleAnchor = layout.spec.kind === 'title' || layout.spec.kind === 'section' ? 'b' : 't';
  const bodyAnchor = layout.spec.kind === 'message' ? ' anchor="ctr"' : '';
  const shapes = [
    layout.title
      ? shape('Title', layout.title, titleStyle, `<a:bodyPr anchor="${titleAnchor}"><a:normAutofit/></a:bodyPr>`)
      : '',
    layout.body ? shape('Text', layout.body, bodyStyle, `<a:bodyPr${bodyAnchor}><a:normAutofit/></a:bodyPr>`) : '',
    layout.pic ? shape('Picture', layout.pic) : '',
    shape('Date', { ph: DATE_PH }),
    shape(
      'Footer',
      { ph: FOOTER_PH },
      layout.lead ? `<a:lstStyle><a:lvl1pPr><a:defRPr>${colour}</a:defRPr></a:lvl1pPr></a:lstStyle>` : undefined,
    ),
    shape(
      'Slide Number',
      { ph: NUMBER_PH },
      layout.lead ? `<a:lstStyle><a:lvl1pPr><a:defRPr>${colour}</a:defRPr></a:lvl1pPr></a:lstStyle>` : undefined,
    ),
  ].join('');
  const bg = layout.lead
    ? `<p:bg><p:bgPr><a:solidFill><a:srgbClr val="${hexOf(p.lead.background)}"/></a:solidFill><a:effectLst/>` +
      `</p:bgPr></p:bg>`
    : '';
  const type = layout.type ? ` type="${layout.type}"` : '';
  return (
    `<p:sldLayout ${ns}${type} preserve="1">` +
    `<p:cSld name="${esc(layout.name)}">${bg}<p:spTree>${GROUP}${shapes}</p:spTree></p:cSld>` +
    `<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`
  );
}

export const GROUP =
  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm>' +
  '<a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';
