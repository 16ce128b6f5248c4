import { createHash } from 'node:crypto';
import { builtInFamily, DEFAULT_FAMILY, mathFile, monoFile, TEXT_ROLES } from '../../fonts/files.js';

// PowerPoint shows an SVG picture through the `asvg:svgBlip` extension, but the picture's own `a:blip` must be
// a raster image: it is what PowerPoint before 2016, Keynote, Google Slides and LibreOffice's import fall back
// to. resvg (Rust, a prebuilt binary per platform inside the npm package) draws it without a browser. It sees
// only deckhand's own DejaVu files, never the machine's fonts, so the PNG is the same bytes on every machine.

/** SVG source → PNG bytes, `width` px wide (the height follows the picture's aspect ratio). */
export type Rasterize = (svg: string, width: number) => Uint8Array;

type ResvgModule = typeof import('@resvg/resvg-js');

let loading: Promise<Rasterize> | undefined;

/** Loads resvg on first use (a deck without SVG pictures or formulas never does). */
export function loadRasterizer(): Promise<Rasterize> {
  loading ??= load();
  return loading;
}

async function load(): Promise<Rasterize> {
  const mod = (await import('@resvg/resvg-js')) as ResvgModule & { default?: ResvgModule };
  const { Resvg } = mod.default ?? mod;
  const dejavu = builtInFamily(DEFAULT_FAMILY)!;
  const fontFiles = [...TEXT_ROLES.map((r) => dejavu.files[r]), monoFile(false), monoFile(true), mathFile()];
  const fonts = {
    loadSystemFonts: false,
    fontFiles,
    defaultFontFamily: 'DejaVu Sans',
    sansSerifFamily: 'DejaVu Sans',
    serifFamily: 'DejaVu Sans',
    monospaceFamily: 'DejaVu Sans Mono',
  };
  // The audiences' decks of a topic share their pictures: each is drawn once per process (up to 32 MiB kept).
  const done = new Map<string, Uint8Array>();
  let kept = 0;
  return (svg, width) => {
    const key = `${Math.round(width)} ${createHash('sha256').update(svg).digest('base64')}`;
    const known = done.get(key);
    if (known) return known;
    const png = new Resvg(svg, {
      fitTo: { mode: 'width', value: Math.max(1, Math.round(width)) },
      // Reading the font files costs more than drawing a formula: only a picture with text gets them.
      font: /<text[\s>]/.test(svg) ? fonts : { loadSystemFonts: false },
      shapeRendering: 2,
      textRendering: 1,
      // A library never prints: resvg's own warnings (an unknown element, a missing font) stay silent.
      logLevel: 'off',
    })
      .render()
      .asPng();
    if (kept + png.length > 32 * 1024 * 1024) {
      done.clear();
      kept = 0;
    }
    done.set(key, png);
    kept += png.length;
    return png;
  };
}
