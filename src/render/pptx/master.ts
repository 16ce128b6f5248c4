import { clrMap } from './theme.js';
import { DATE_PH, FOOTER_PH, frame, GROUP, NUMBER_PH, xfrm, type Rect } from './layouts.js';
import { emu, hexOf, sz, type Look } from './look.js';
import { esc } from './xml.js';

// ppt/slideMasters/slideMaster1.xml: placeholders and text styles every layout and slide inherits —
// the theme's fonts, colours and sizes (Marp's px at 0.75 pt), bullets per level, the footer and slide
// number where Marp puts them.

/** A fixed field id: PowerPoint needs one per field type, not per file. */
export const SLIDE_NUMBER_FIELD = '{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}';

export function footerRects(look: Look): { footer: Rect; number: Rect; date: Rect } {
  const small = look.palette.sizes.small;
  const h = Math.round(small * 1.9);
  const y = look.height - Math.max(h + 8, Math.round(look.palette.padding[2] * 0.85));
  const inset = 30;
  return {
    footer: { x: inset, y, w: Math.round(look.width * 0.6), h },
    number: { x: look.width - inset - 200, y, w: 200, h },
    date: { x: Math.round(look.width * 0.6) + inset, y, w: Math.round(look.width * 0.2), h },
  };
}

export function masterXml(look: Look, layoutRelIds: readonly string[], ns: string): string {
  const p = look.palette;
  const f = frame(look);
  const c = f.content;
  const fr = footerRects(look);
  const lang = esc(look.lang);
  let id = 2;
  const sp = (name: string, ph: string, rect: Rect, bodyPr: string, lstStyle = '<a:lstStyle/>', text = '') =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id++}" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
    `<p:nvPr>${ph}</p:nvPr></p:nvSpPr>` +
    `<p:spPr>${xfrm(rect)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody>${bodyPr}${lstStyle}<a:p>${text}<a:endParaRPr lang="${lang}" dirty="0"/></a:p></p:txBody></p:sp>`;
  const inset = 'lIns="0" tIns="0" rIns="0" bIns="0"';
  const small = (algn: string) =>
    `<a:lstStyle><a:lvl1pPr algn="${algn}"><a:defRPr sz="${sz(p.sizes.small)}"><a:solidFill>` +
    `<a:srgbClr val="${hexOf(p.muted)}"/></a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>`;
  const shapes =
    sp(
      'Title Placeholder',
      '<p:ph type="title"/>',
      { ...c, h: f.titleH },
      `<a:bodyPr vert="horz" ${inset} anchor="t"><a:normAutofit/></a:bodyPr>`,
    ) +
    sp(
      'Text Placeholder',
      '<p:ph type="body" idx="1"/>',
      { x: c.x, y: c.y + f.titleH + f.gap, w: c.w, h: c.h - f.titleH - f.gap },
      `<a:bodyPr vert="horz" ${inset}><a:normAutofit/></a:bodyPr>`,
    ) +
    sp('Date Placeholder', DATE_PH, fr.date, `<a:bodyPr ${inset} anchor="ctr"/>`, small('l')) +
    sp('Footer Placeholder', FOOTER_PH, fr.footer, `<a:bodyPr ${inset} anchor="ctr"/>`, small('l')) +
    sp(
      'Slide Number Placeholder',
      NUMBER_PH,
      fr.number,
      `<a:bodyPr ${inset} anchor="ctr"/>`,
      small('r'),
      `<a:fld id="${SLIDE_NUMBER_FIELD}" type="slidenum"><a:rPr lang="${lang}" dirty="0"/><a:t>‹#›</a:t></a:fld>`,
    );
  const bg = `<p:bg><p:bgPr><a:solidFill><a:schemeClr val="bg1"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>`;
  return (
    `<p:sldMaster ${ns}><p:cSld>${bg}<p:spTree>${GROUP}${shapes}</p:spTree></p:cSld>${clrMap(p.dark)}` +
    `<p:sldLayoutIdLst>` +
    layoutRelIds.map((r, i) => `<p:sldLayoutId id="${2147483649 + i}" r:id="${r}"/>`).join('') +
    `</p:sldLayoutIdLst>` +
    `<p:hf hdr="0" dt="0"/>` +
    `<p:txStyles>${titleStyle(look)}${bodyStyle(look)}${otherStyle(look)}</p:txStyles></p:sldMaster>`
  );
}

const lnSpc = (look: Look) =>
  `<a:lnSpc><a:spcPct val="${Math.round((look.palette.lineHeight / 1.2) * 100000)}"/></a:lnSpc>`;

function titleStyle(look: Look): string {
  const p = look.palette;
  return (
    `<p:titleStyle>` +
    `<a:lvl1pPr algn="l" defTabSz="${emu(p.sizes.body * 2)}" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1">` +
    `<a:lnSpc><a:spcPct val="90000"/></a:lnSpc><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/>` +
    `<a:defRPr lang="${esc(look.lang)}" sz="${sz(p.sizes.h2)}" b="1" kern="1200"><a:solidFill>` +
    `<a:schemeClr val="tx2"/></a:solidFill>` +
    `<a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/></a:defRPr></a:lvl1pPr>` +
    `</p:titleStyle>`
  );
}

function bodyStyle(look: Look): string {
  return `<p:bodyStyle>${bodyLevels(look)}</p:bodyStyle>`;
}

/** The body text's nine levels (bullets, indents, sizes); text boxes that hold lists get them too. */
export function bodyLevels(look: Look): string {
  const p = look.palette;
  const em = p.sizes.body;
  const bullets = ['•', '–', '•', '–', '•', '–', '•', '–', '•'];
  const levels = bullets.map((ch, i) => {
    const size = i === 0 ? em : em * 0.9;
    const marL = emu(em * 1.1 * (i + 1));
    return (
      `<a:lvl${i + 1}pPr marL="${marL}" indent="${-emu(em * 0.8)}" algn="l" defTabSz="${emu(em * 2)}" rtl="0" ` +
      `eaLnBrk="1" latinLnBrk="0" hangingPunct="1">` +
      `${lnSpc(look)}<a:spcBef><a:spcPts val="${Math.round(em * 0.35 * 75)}"/></a:spcBef>` +
      `<a:buClr><a:schemeClr val="accent1"/></a:buClr><a:buFont typeface="Arial" panose="020B0604020202020204"/>` +
      `<a:buChar char="${ch}"/>` +
      `<a:defRPr lang="${esc(look.lang)}" sz="${sz(size)}" kern="1200"><a:solidFill><a:schemeClr val="tx1"/>` +
      `</a:solidFill>` +
      `<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl${i + 1}pPr>`
    );
  });
  return levels.join('');
}

function otherStyle(look: Look): string {
  const p = look.palette;
  return (
    `<p:otherStyle><a:defPPr><a:defRPr lang="${esc(look.lang)}"/></a:defPPr>` +
    `<a:lvl1pPr marL="0" algn="l" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1">` +
    `<a:defRPr lang="${esc(look.lang)}" sz="${sz(p.sizes.body)}" kern="1200"><a:solidFill>` +
    `<a:schemeClr val="tx1"/></a:solidFill>` +
    `<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr>` +
    `</p:otherStyle>`
  );
}
