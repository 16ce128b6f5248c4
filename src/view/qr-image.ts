import { createRequire } from 'node:module';
import type { ImageAsset } from '../content/types.js';

/**
 * A QR code for `url` as a PNG data: URI for the deck's last slide (markdown-it lets data: images of
 * PNG through; SVG it refuses): error correction M, quiet zone of 4 modules, 8 px a module, black on
 * white. The handout draws its codes as vectors instead (render/handout-pdf/layout-qr.ts).
 */
export function qrDataUri(url: string): string {
  return qrImage(url).src;
}

const made = new Map<string, ImageAsset>();

/**
 * The QR code as an image asset whose `src` is its data: URI: the renderers that draw slides themselves
 * (printout miniatures, slides.pptx) find it among the deck's images like any other picture.
 */
export function qrImage(url: string): ImageAsset {
  let asset = made.get(url);
  if (asset) return asset;
  const require = createRequire(import.meta.url);
  const QRCode = require('qrcode') as typeof import('qrcode');
  const { PNG } = require('pngjs') as typeof import('pngjs');
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const scale = 8;
  const quiet = 4;
  const side = (modules.size + 2 * quiet) * scale;
  const png = new PNG({ width: side, height: side, colorType: 0, inputColorType: 0, bitDepth: 8 } as never);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const r = Math.floor(y / scale) - quiet;
      const c = Math.floor(x / scale) - quiet;
      const dark = r >= 0 && c >= 0 && r < modules.size && c < modules.size && modules.data[r * modules.size + c];
      const i = (y * side + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = dark ? 0 : 255;
      png.data[i + 3] = 255;
    }
  }
  const bytes = PNG.sync.write(png);
  asset = {
    src: `data:image/png;base64,${bytes.toString('base64')}`,
    path: '',
    type: 'png',
    width: side,
    height: side,
    bytes,
  };
  if (made.size > 256) made.clear();
  made.set(url, asset);
  return asset;
}
