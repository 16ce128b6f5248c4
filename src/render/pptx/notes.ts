import { GROUP } from './layouts.js';
import { clrMap } from './theme.js';
import { sz, type Look } from './look.js';
import { esc } from './xml.js';

// Speaker notes: the notes master (the six placeholders PowerPoint expects, so that no repair strips or
// re-creates them) and one notes slide per slide that has notes. Notes are plain text as the deck holds them:
// paragraphs at blank lines, line breaks kept, in the topic's language.

export const NOTES_SIZE = { cx: 6858000, cy: 9144000 };

/** Where the slide picture goes on a notes page (portrait 7.5 × 10 in), keeping the slide's proportions. */
function slideImage(look: Look) {
  const w = 5486400;
  const h = Math.round((w * look.height) / look.width);
  return { x: (NOTES_SIZE.cx - w) / 2, y: 685800, w, h };
}

export function notesMasterXml(look: Look, ns: string): string {
  const lang = esc(look.lang);
  const img = slideImage(look);
  const body = {
    x: 685800,
    y: img.y + img.h + 457200,
    w: 5486400,
    h: NOTES_SIZE.cy - (img.y + img.h + 457200) - 914400,
  };
  const q = { w: 2971800, h: 458788 };
  const box = (r: { x: number; y: number; w: number; h: number }) =>
    `<a:xfrm><a:off x="${r.x}" y="${r.y}"/><a:ext cx="${r.w}" cy="${r.h}"/></a:xfrm><a:prstGeom prst="rect">` +
    `<a:avLst/></a:prstGeom>`;
  let id = 2;
  const sp = (
    name: string,
    ph: string,
    r: { x: number; y: number; w: number; h: number },
    extra = '',
    text = '',
    algn = 'l',
  ) =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id++}" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
    `<p:nvPr>${ph}</p:nvPr></p:nvSpPr>` +
    `<p:spPr>${box(r)}${extra}</p:spPr><p:txBody>` +
    `<a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0"/>` +
    `<a:lstStyle><a:lvl1pPr algn="${algn}"><a:defRPr sz="1200"/></a:lvl1pPr></a:lstStyle>` +
    `<a:p>${text}<a:endParaRPr lang="${lang}" dirty="0"/></a:p></p:txBody></p:sp>`;
  const shapes =
    sp('Header Placeholder', '<p:ph type="hdr" sz="quarter"/>', { x: 0, y: 0, ...q }) +
    sp('Date Placeholder', '<p:ph type="dt" idx="1"/>', { x: NOTES_SIZE.cx - q.w, y: 0, ...q }, '', '', 'r') +
    `<p:sp><p:nvSpPr><p:cNvPr id="${id++}" name="Slide Image Placeholder"/><p:cNvSpPr>` +
    `<a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>` +
    `<p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr>${box(img)}<a:noFill/><a:ln w="12700">` +
    `<a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln></p:spPr>` +
    `<p:txBody>` +
    `<a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0" anchor="ctr"/>` +
    `<a:lstStyle/><a:p><a:endParaRPr lang="${lang}" dirty="0"/></a:p></p:txBody></p:sp>` +
    sp('Notes Placeholder', '<p:ph type="body" sz="quarter" idx="3"/>', body) +
    sp('Footer Placeholder', '<p:ph type="ftr" sz="quarter" idx="4"/>', { x: 0, y: NOTES_SIZE.cy - q.h, ...q }) +
    sp(
      'Slide Number Placeholder',
      '<p:ph type="sldNum" sz="quarter" idx="5"/>',
      { x: NOTES_SIZE.cx - q.w, y: NOTES_SIZE.cy - q.h, ...q },
      '',
      `<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="${lang}" dirty="0"/>` +
        `<a:t>‹#›</a:t></a:fld>`,
      'r',
    );
  const level = (n: number) =>
    `<a:lvl${n}pPr marL="${(n - 1) * 457200}" algn="l" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1">` +
    `<a:defRPr lang="${lang}" sz="${sz(16)}" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>` +
    `<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl${n}pPr>`;
  return (
    `<p:notesMaster ${ns}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>` +
    `<p:spTree>${GROUP}${shapes}</p:spTree></p:cSld>` +
    `${clrMap(false)}<p:notesStyle>${[1, 2, 3, 4, 5, 6, 7, 8, 9].map(level).join('')}</p:notesStyle></p:notesMaster>`
  );
}

/** The notes of one slide as paragraphs (comments and blank lines split paragraphs; newlines are line breaks). */
export function notesParagraphs(notes: readonly string[]): string[][] {
  return notes
    .flatMap((n) => n.replace(/\u200B/g, '').split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split(/\r?\n/).map((l) => l.trim()));
}

export function notesSlideXml(notes: readonly string[], look: Look, ns: string): string {
  const lang = esc(look.lang);
  const paras = notesParagraphs(notes).map(
    (lines) =>
      `<a:p>${lines
        .map(
          (l, i) =>
            `${i ? `<a:br><a:rPr lang="${lang}" dirty="0"/></a:br>` : ''}<a:r><a:rPr ` +
            `lang="${lang}" dirty="0"/><a:t>${esc(l)}</a:t></a:r>`,
        )
        .join('')}</a:p>`,
  );
  return (
    `<p:notes ${ns}><p:cSld><p:spTree>${GROUP}` +
    // The slide picture as PowerPoint itself writes it: a placeholder with no text body.
    `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr>` +
    `<a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr>` +
    `</p:nvSpPr><p:spPr/></p:sp>` +
    `<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
    `<p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>` +
    `<p:txBody><a:bodyPr/><a:lstStyle/>` +
    (paras.join('') || `<a:p><a:endParaRPr lang="${lang}" dirty="0"/></a:p>`) +
    `</p:txBody></p:sp>` +
    `</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`
  );
}
