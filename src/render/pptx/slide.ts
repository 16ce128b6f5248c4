import type { ImageAsset } from '../../content/types.js';
import { cssColour } from '../../themes/css-colour.js';
import type { Block, Inline, Slide } from '../deck/model.js';
import { bodyLevels, footerRects, SLIDE_NUMBER_FIELD } from './master.js';
import { FOOTER_PH, frame, GROUP, NUMBER_PH, xfrm, type Layout, type LayoutSpec, type Rect } from './layouts.js';
import { hexOf, type Look } from './look.js';
import type { Blip } from './media.js';
import { fitImage, picXml, type Placed } from './picture.js';
import { autofit, fitScale, placeSegments, segments, textHeight, titleHeight } from './place.js';
import { tableXml } from './table.js';
import { paragraphs, rPr, runs, txBody, type RunStyle, type TextContext } from './text.js';
import { esc, REL, type Relationship } from './xml.js';

// One slide: its layout's placeholders filled (title, body, footer, slide number), then tables and pictures
// where the content puts them, background pictures behind (or beside, for Marp's split backgrounds).

/** The layout a slide gets, from its classes (the built-in template's, and Marp's `lead`) and content. */
export function layoutFor(slide: Slide): LayoutSpec {
  const c = slide.classes;
  if (slide.split) return { kind: 'picture', side: slide.split.side, fraction: slide.split.fraction };
  if (c.includes('title') || (slide.index === 0 && c.includes('lead'))) return { kind: 'title' };
  if (c.includes('divider')) return { kind: 'section' };
  if (c.includes('main-message') || c.includes('lead')) return { kind: 'message' };
  const rest = withoutTitle(slide).rest;
  if (!slide.title && !rest.length) return { kind: 'blank' };
  if (slide.title && rest.length && rest.every((b) => b.kind === 'image' || b.kind === 'table'))
    return { kind: 'titleOnly' };
  return { kind: 'content' };
}

/** The slide's first top-level heading (its title) and the other blocks. */
function withoutTitle(slide: Slide): { title: Inline[] | null; rest: Block[] } {
  const i = slide.blocks.findIndex((b) => b.kind === 'heading');
  if (i < 0) return { title: null, rest: slide.blocks };
  const h = slide.blocks[i]!;
  return { title: h.kind === 'heading' ? h.inlines : null, rest: slide.blocks.filter((_, j) => j !== i) };
}

export interface SlideEnv {
  look: Look;
  image(url: string): ImageAsset | undefined;
  /** The media parts an image is stored as (null: it cannot be drawn, and a warning says so). */
  picture(image: ImageAsset): Blip | null;
  /** A display formula as a picture in `colour`, `w`×`h` px at the body size (null: it did not typeset). */
  formula(tex: string, colour: string): { blip: Blip; w: number; h: number } | null;
  warn(message: string): void;
  /** A formula written as its TeX (inline math: a line of text cannot hold a picture). */
  onMath(tex: string): void;
}

export interface SlidePart {
  xml: string;
  rels: Relationship[];
}

export function slideXml(
  slide: Slide,
  layout: Layout,
  layoutTarget: string,
  notesTarget: string | null,
  env: SlideEnv,
  ns: string,
): SlidePart {
  const { look } = env;
  const p = look.palette;
  const rels: Relationship[] = [{ id: 'rId1', type: REL.slideLayout, target: layoutTarget }];
  if (notesTarget) rels.push({ id: 'rId2', type: REL.notesSlide, target: notesTarget });
  const relFor = new Map<string, string>();
  const rel = (type: string, target: string, external = false) => {
    const k = `${type} ${target}`;
    let id = relFor.get(k);
    if (!id) {
      id = `rId${rels.length + 1}`;
      rels.push({ id, type, target, ...(external ? { external } : {}) });
      relFor.set(k, id);
    }
    return id;
  };
  const ctx: TextContext = { look, link: (url) => rel(REL.hyperlink, url, true), onMath: env.onMath };

  // Colours the slide's directives and classes change (`invert`, `color`, `backgroundColor`).
  const invert = slide.classes.includes('invert');
  const background = cssColour(slide.backgroundColor ?? undefined) ?? (invert ? p.text : null);
  const colour = cssColour(slide.color ?? undefined) ?? (invert ? p.background : undefined);
  const base: RunStyle = colour ? { color: colour } : {};

  let id = 2;
  const shapes: string[] = [];
  const { title, rest } = withoutTitle(slide);
  const kind = layout.spec.kind;

  // Background pictures: behind everything, or in the picture side of a split slide.
  const bgArea: Rect = layout.pic?.rect ?? { x: 0, y: 0, w: look.width, h: look.height };
  const bgs = slide.backgrounds
    .map((b) => ({ b, asset: env.image(b.url) }))
    .filter((x) => {
      if (!x.asset) env.warn(`image "${x.b.url}" is not one of the topic's images: left out of slides.pptx`);
      return x.asset;
    })
    .map((x) => ({ ...x, blip: env.picture(x.asset!) }))
    .filter((x) => x.blip);
  const picture = (name: string, alt: string, blip: Blip, placed: Placed, ph?: string) =>
    picXml({
      id: id++,
      name,
      alt,
      relId: rel(REL.image, blip.raster),
      ...(blip.svg ? { svgRelId: rel(REL.image, blip.svg) } : {}),
      placed,
      ...(ph ? { ph } : {}),
    });
  const mathColour = colour ?? p.text;
  bgs.forEach(({ b, asset, blip }, i) => {
    const n = bgs.length;
    const vertical = slide.backgroundDirection === 'vertical';
    const area: Rect = vertical
      ? { x: bgArea.x, y: bgArea.y + (bgArea.h * i) / n, w: bgArea.w, h: bgArea.h / n }
      : { x: bgArea.x + (bgArea.w * i) / n, y: bgArea.y, w: bgArea.w / n, h: bgArea.h };
    const placed = fitImage(asset!.width, asset!.height, area, b.size);
    shapes.push(picture(`Background Picture ${i + 1}`, b.alt, blip!, placed, i === 0 ? layout.pic?.ph : undefined));
  });

  if (slide.header) {
    const f = frame(look);
    const rect = {
      x: f.left,
      y: Math.max(6, Math.round(f.top * 0.2)),
      w: f.content.w,
      h: Math.round(p.sizes.small * 1.9),
    };
    const style: RunStyle = { size: p.sizes.small, color: colour ?? p.muted };
    shapes.push(textBox(id++, 'Header', rect, [para(runs(slide.header, ctx, style), ctx, style)], ctx));
  }

  if (title && layout.title) {
    const r = layout.title.rect;
    const size = kind === 'title' || kind === 'section' ? p.sizes.h1 : p.sizes.h2;
    const chars = title.map((i) => i.text).join('').length;
    const scale = fitScale((k) => titleHeight(chars, size * k, r.w), r.h);
    const paras = [para(runs(title, ctx, base), ctx, base)];
    shapes.push(
      placeholder(id++, 'Title', layout.title.ph, null, paras, ctx, `<a:bodyPr>${autofit(scale)}</a:bodyPr>`),
    );
  } else if (title) rest.unshift({ kind: 'heading', level: 2, inlines: title });

  const bodyOptions = { body: p.sizes.body, heading3: p.sizes.h3, style: base };
  if (kind === 'title' || kind === 'section' || kind === 'message') {
    // Everything else on a title, divider or main-message slide is its subtitle / message text.
    // Display formulas and pictures (the brand's logo on the title slide, a QR code) stack under the text.
    const pictured = new Map<Block, { tex: string; blip: Blip; w: number; h: number; name?: string }>();
    for (const b of rest) {
      const f = b.kind === 'math' ? env.formula(b.tex, mathColour) : null;
      if (f && b.kind === 'math') pictured.set(b, { tex: b.tex, ...f });
      if (b.kind !== 'image') continue;
      const asset = env.image(b.url);
      const blip = asset ? env.picture(asset) : null;
      if (!asset) env.warn(`image "${b.url}" is not one of the topic's images: left out of slides.pptx`);
      // At most a third of the slide's height, like the deck's logo and QR code.
      const k = asset ? Math.min(1, look.height / 3 / asset.height) : 1;
      if (asset && blip)
        pictured.set(b, { tex: b.alt, blip, w: asset.width * k, h: asset.height * k, name: 'Picture' });
    }
    const text = rest.filter((b) => b.kind !== 'image' && b.kind !== 'table' && !pictured.has(b));
    const headingSize = kind === 'title' ? p.sizes.h3 : p.sizes.body;
    const paras = text.flatMap((b) =>
      b.kind === 'heading'
        ? paragraphs([b], ctx, { ...bodyOptions, heading3: headingSize })
        : paragraphs([b], ctx, {
            ...bodyOptions,
            style: { ...base, size: kind === 'title' ? p.sizes.body : undefined },
          }),
    );
    if (layout.body) {
      // Display formulas go under the text, centred, in at most half of the body when there is text.
      const r = layout.body.rect;
      const gap = p.sizes.body * 0.5;
      const formulas = [...pictured.values()].map((f) => ({ ...f, k: Math.min(1, r.w / f.w) }));
      const need = formulas.reduce((a, f) => a + f.h * f.k + gap, 0);
      const fit = need ? Math.min(1, (paras.length ? r.h / 2 : r.h) / need) : 1;
      const textRect: Rect = { ...r, h: r.h - need * fit };
      if (paras.length) {
        const scale = fitScale((k) => textHeight(text, textRect.w, look, 0, k), textRect.h);
        const own = formulas.length ? textRect : null;
        shapes.push(
          placeholder(id++, 'Text', layout.body.ph, own, paras, ctx, `<a:bodyPr>${autofit(scale)}</a:bodyPr>`),
        );
      }
      let y = paras.length ? textRect.y + textRect.h + gap * fit : r.y + (r.h - need * fit) / 2;
      for (const f of formulas) {
        const w = f.w * f.k * fit;
        const h = f.h * f.k * fit;
        shapes.push(
          picture(`${f.name ?? 'Formula'} ${id - 1}`, f.tex, f.blip, { rect: { x: r.x + (r.w - w) / 2, y, w, h } }),
        );
        y += h + gap * fit;
      }
    }
  } else {
    const area: Rect = layout.body?.rect ?? (layout.title ? below(layout, look) : frame(look).content);
    const list = segments(
      rest,
      (url) => {
        const a = env.image(url);
        return a ? { w: a.width, h: a.height } : null;
      },
      (tex) => env.formula(tex, mathColour),
    );
    const placed = placeSegments(list, area, look);
    let bodyUsed = false;
    for (const s of placed) {
      if (s.segment.kind === 'text') {
        const paras = paragraphs(s.segment.blocks, ctx, bodyOptions);
        const blocks = s.segment.blocks;
        const fit = autofit(fitScale((k) => textHeight(blocks, s.rect.w, look, 0, k), s.rect.h));
        if (!bodyUsed && layout.body) {
          // The layout's geometry when the text has the body to itself: "Reset slide" then changes nothing.
          const own = placed.length === 1 ? null : s.rect;
          shapes.push(placeholder(id++, 'Content', layout.body.ph, own, paras, ctx, `<a:bodyPr>${fit}</a:bodyPr>`));
          bodyUsed = true;
        } else
          shapes.push(textBox(id++, 'Text', s.rect, paras, ctx, fit, `<a:lstStyle>${bodyLevels(look)}</a:lstStyle>`));
      } else if (s.segment.kind === 'table') {
        shapes.push(tableXml(s.segment.block, s.rect, s.table!, id++, ctx, look));
      } else if (s.segment.kind === 'math') {
        const f = env.formula(s.segment.block.tex, mathColour)!;
        shapes.push(picture(`Formula ${id - 1}`, s.segment.block.tex, f.blip, { rect: s.rect }));
      } else {
        const b = s.segment.block;
        const asset = env.image(b.url);
        if (!asset) {
          env.warn(`image "${b.url}" is not one of the topic's images: left out of slides.pptx`);
          continue;
        }
        const blip = env.picture(asset);
        if (!blip) continue;
        shapes.push(picture(`Picture ${id - 1}`, b.alt, blip, { rect: s.rect }));
        if (b.caption && s.caption) {
          const style: RunStyle = { size: p.sizes.body * 0.8, italic: true, color: colour ?? p.muted };
          shapes.push(textBox(id++, 'Caption', s.caption, [para(runs(b.caption, ctx, style), ctx, style, 'ctr')], ctx));
        }
      }
    }
  }

  // Footer and number with their place and look spelt out (LibreOffice does not inherit them from the master).
  const marks = footerRects(look);
  const markStyle: RunStyle = {
    size: p.sizes.small,
    font: look.font,
    color: layout.lead ? p.lead.text : (colour ?? p.muted),
  };
  const markBody = '<a:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"/>';
  if (slide.footer) {
    const paras = [para(runs(slide.footer, ctx, markStyle), ctx, markStyle)];
    shapes.push(placeholder(id++, 'Footer', FOOTER_PH, marks.footer, paras, ctx, markBody));
  }
  if (slide.page !== null) {
    // A field PowerPoint keeps up to date; Marp's own number as plain text where `hold`/`skip` made them differ.
    const number =
      slide.page === slide.index + 1
        ? `<a:fld id="${SLIDE_NUMBER_FIELD}" type="slidenum">${rPr(ctx, markStyle)}<a:t>${slide.page}</a:t></a:fld>`
        : runs([{ text: String(slide.page) }], ctx, markStyle);
    shapes.push(
      placeholder(id++, 'Slide Number', NUMBER_PH, marks.number, [para(number, ctx, markStyle, 'r')], ctx, markBody),
    );
  }

  const bg = background
    ? `<p:bg><p:bgPr><a:solidFill><a:srgbClr val="${hexOf(background)}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>`
    : '';
  const name = slide.title ? ` name="${esc(slide.title)}"` : '';
  return {
    xml:
      `<p:sld ${ns}><p:cSld${name}>${bg}<p:spTree>${GROUP}${shapes.join('')}</p:spTree></p:cSld>` +
      `<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`,
    rels,
  };
}

function below(layout: Layout, look: Look): Rect {
  const f = frame(look);
  const t = layout.title!.rect;
  return { x: t.x, y: t.y + t.h + f.gap, w: t.w, h: look.height - f.bottom - (t.y + t.h + f.gap) };
}

function para(content: string, ctx: TextContext, style: RunStyle, algn?: string): string {
  const end = rPr(ctx, style)
    .replace(/^<a:rPr/, '<a:endParaRPr')
    .replace(/<\/a:rPr>$/, '</a:endParaRPr>');
  return `<a:p>${algn ? `<a:pPr algn="${algn}"/>` : ''}${content}${end}</a:p>`;
}

function placeholder(
  id: number,
  name: string,
  ph: string,
  rect: Rect | null,
  paras: readonly string[],
  ctx: TextContext,
  bodyPr = '<a:bodyPr><a:normAutofit/></a:bodyPr>',
): string {
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${esc(name)} ${id - 1}"/><p:cNvSpPr><a:spLocks noGrp="1"/>` +
    `</p:cNvSpPr><p:nvPr>${ph}</p:nvPr></p:nvSpPr>` +
    `<p:spPr>${rect ? xfrm(rect) : ''}</p:spPr>${txBody(bodyPr, paras, ctx.look.lang)}</p:sp>`
  );
}

function textBox(
  id: number,
  name: string,
  rect: Rect,
  paras: readonly string[],
  ctx: TextContext,
  autofit = '',
  lstStyle = '<a:lstStyle/>',
): string {
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${esc(name)} ${id - 1}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr>${xfrm(rect)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>` +
    txBody(
      `<a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" rtlCol="0">${autofit}</a:bodyPr>`,
      paras,
      ctx.look.lang,
      lstStyle,
    ) +
    `</p:sp>`
  );
}
