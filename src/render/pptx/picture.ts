import { xfrm, type Rect } from './layouts.js';
import { esc } from './xml.js';

// Pictures: placed by Marp's sizing rules (cover crops to fill, contain fits inside, a scale or `auto` keeps
// the image's own size), with the alt text as the shape's description and no alt text marked decorative.

export interface Placed {
  rect: Rect;
  /** Crop as OOXML srcRect fractions ×100000 (left, top, right, bottom). */
  crop?: [number, number, number, number];
}

/** Where an image of `w`×`h` px goes in `area` under a Marp background size (`cover`, `contain`, `auto`, `N%`). */
export function fitImage(w: number, h: number, area: Rect, size: string): Placed {
  if (size === 'cover') {
    const scale = Math.max(area.w / w, area.h / h);
    const cropX = Math.max(0, (w * scale - area.w) / (w * scale));
    const cropY = Math.max(0, (h * scale - area.h) / (h * scale));
    const k = (v: number) => Math.round((v / 2) * 100000);
    return { rect: area, crop: [k(cropX), k(cropY), k(cropX), k(cropY)] };
  }
  let scale: number;
  if (size === 'contain') scale = Math.min(area.w / w, area.h / h);
  else {
    const pct = /^(\d*\.?\d+)%$/.exec(size);
    scale = pct ? Number(pct[1]) / 100 : 1;
    // Larger than its area: Marp lets it overflow and the slide clips it; a slide object cannot be clipped, so fit.
    scale = Math.min(scale, area.w / w, area.h / h);
  }
  const rw = w * scale;
  const rh = h * scale;
  return { rect: { x: area.x + (area.w - rw) / 2, y: area.y + (area.h - rh) / 2, w: rw, h: rh } };
}

const DECORATIVE =
  '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">' +
  '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext>' +
  '</a:extLst>';

// An SVG picture: the blip is its PNG stand-in, the extension names the SVG (what PowerPoint 2016+ writes).
const svgBlip = (relId: string) =>
  `<a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">` +
  `<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="${relId}"/>` +
  `</a:ext></a:extLst>`;

export function picXml(o: {
  id: number;
  name: string;
  alt: string;
  relId: string;
  /** The SVG part of an SVG picture (the blip at `relId` is then its PNG). */
  svgRelId?: string;
  placed: Placed;
  ph?: string;
}): string {
  const alt = o.alt.trim();
  const descr = alt ? ` descr="${esc(alt)}"` : '';
  const crop = o.placed.crop?.some((v) => v > 0)
    ? `<a:srcRect l="${o.placed.crop[0]}" t="${o.placed.crop[1]}" r="${o.placed.crop[2]}" b="${o.placed.crop[3]}"/>`
    : '';
  const blip = o.svgRelId
    ? `<a:blip r:embed="${o.relId}">${svgBlip(o.svgRelId)}</a:blip>`
    : `<a:blip r:embed="${o.relId}"/>`;
  return (
    `<p:pic><p:nvPicPr><p:cNvPr id="${o.id}" name="${esc(o.name)}"${descr}>${alt ? '' : DECORATIVE}</p:cNvPr>` +
    `<p:cNvPicPr><a:picLocks noGrp="1" noChangeAspect="1"/></p:cNvPicPr><p:nvPr>${o.ph ?? ''}</p:nvPr></p:nvPicPr>` +
    `<p:blipFill>${blip}${crop}<a:stretch><a:fillRect/></a:stretch></p:blipFill>` +
    `<p:spPr>${xfrm(o.placed.rect)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`
  );
}
