import { createHash } from 'node:crypto';
import type { ImageAsset } from '../../content/types.js';
import type { Formula } from '../../math/types.js';
import { hexOf } from './look.js';
import type { Rasterize } from './raster.js';

// The package's media parts: each distinct picture stored once. A PNG or JPEG is the picture itself; an SVG
// (an image of the topic, or a formula typeset by the math engine) is stored twice: as itself, for the svgBlip
// PowerPoint 2016 and later draw, and as a PNG for the blip every other reader shows.

/** Where a picture's parts are, relative to a slide (`../media/image1.png`). */
export interface Blip {
  raster: string;
  svg?: string;
}

export interface MediaStore {
  /** The parts of a topic's image; null when an SVG cannot be drawn (the reason goes to `warn`). */
  image(asset: ImageAsset): Blip | null;
  /** The parts of a formula's picture (from formulaPicture), `w` px wide as placed. */
  formula(svg: string, w: number): Blip | null;
}

/** A formula as a standalone picture of its size in px (MathJax sizes it in ex and colours it currentColor). */
export function formulaPicture(f: Formula, size: number, colour: string): { svg: string; w: number; h: number } {
  const w = round(f.width * size);
  const h = round((f.ascent + f.descent) * size);
  const svg = f.svg
    .replace(/^<svg([^>]*)>/, (_, attrs: string) => {
      const kept = attrs
        .replace(/ style="[^"]*"/, '')
        .replace(/ width="[^"]*"/, ` width="${w}"`)
        .replace(/ height="[^"]*"/, ` height="${h}"`);
      return `<svg${kept}>`;
    })
    .replace(/currentColor/g, `#${hexOf(colour)}`);
  return { svg, w, h };
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * The width of an SVG image's PNG stand-in: its long side 1280 px (the slide's width) or its own size when
 * larger, at most 2560 — sharp on a projector; drawing time and file size grow with the pixels.
 */
function rasterWidth(w: number, h: number): number {
  const long = Math.max(w, h, 1);
  return (w * Math.min(2560, Math.max(1280, long))) / long;
}

export function mediaStore(
  parts: Map<string, string | Uint8Array>,
  rasterize: Rasterize | null,
  warn: (message: string) => void,
): MediaStore {
  const byBytes = new Map<string, Blip>();
  const byAsset = new Map<ImageAsset, Blip | null>();
  const bySvg = new Map<string, Blip | null>();
  const encoder = new TextEncoder();
  let count = 0;
  const store = (bytes: Uint8Array, ext: string): string => {
    const key = `${ext}:${hashKey(bytes)}`;
    const known = byBytes.get(key);
    if (known) return known.raster;
    const name = `image${++count}.${ext}`;
    parts.set(`ppt/media/${name}`, bytes);
    byBytes.set(key, { raster: `../media/${name}` });
    return `../media/${name}`;
  };
  const svgPair = (svg: string, width: number, what: string): Blip | null => {
    if (!rasterize) throw new Error('slides.pptx: an SVG picture without the rasterizer loaded');
    let png: Uint8Array;
    try {
      png = rasterize(svg, width);
    } catch (e) {
      warn(`${what} cannot be drawn (${(e as Error).message}): left out of slides.pptx`);
      return null;
    }
    return { raster: store(png, 'png'), svg: store(encoder.encode(svg), 'svg') };
  };
  return {
    image(asset) {
      if (byAsset.has(asset)) return byAsset.get(asset)!;
      const blip =
        asset.type === 'svg'
          ? svgPair(new TextDecoder().decode(asset.bytes), rasterWidth(asset.width, asset.height), asset.src)
          : { raster: store(asset.bytes, asset.type === 'jpeg' ? 'jpeg' : 'png') };
      byAsset.set(asset, blip);
      return blip;
    },
    // Formulas are small: three times their size keeps the PNG sharp when the slide is projected.
    formula(svg, w) {
      if (!bySvg.has(svg)) bySvg.set(svg, svgPair(svg, w * 3, 'a formula'));
      return bySvg.get(svg)!;
    },
  };
}

/** Identity of a part's bytes: the same bytes are the same part. */
function hashKey(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}
