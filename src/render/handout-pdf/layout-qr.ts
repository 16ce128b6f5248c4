import { createRequire } from 'node:module';
import { structNode, type Slice } from './flow.js';
import { textSlices, type Ctx, type Frame } from './layout-text.js';
import { label } from '../../strings/label.js';

/** 22 mm with the quiet zone: above the 20 mm that phones read at arm's length (GS1 UK; 2 × 2 cm rule). */
const SIDE = (22 / 25.4) * 72;
/** Quiet zone of 4 modules on every side (DENSO WAVE's QR Code specification). */
const QUIET = 4;

interface QrMatrix {
  size: number;
  data: Uint8Array;
}

/**
 * The module matrix of `url`, error correction M, from the `qrcode` package (the encoder; deckhand
 * draws the modules as vector squares).
 */
export function qrMatrix(url: string): QrMatrix {
  const require = createRequire(import.meta.url);
  const QRCode = require('qrcode') as typeof import('qrcode');
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  return { size: modules.size, data: Uint8Array.from(modules.data) };
}

/**
 * A QR code for a URL, with the address printed under it (for readers who cannot scan), as one
 * slice: a Figure with alt text "QR code linking to …" and the address as a link. The block before
 * it keeps with it (layout.ts), so the code stays with its text.
 */
export function qrSlices(url: string, frame: Frame, ctx: Ctx): Slice[] {
  const matrix = qrMatrix(url);
  const figure = structNode('Figure', frame.parent, { alt: label('qrAlt', ctx.lang, { url }) });
  const { captionSize, gap, color } = ctx.style.figure;
  const caption = textSlices(
    [{ text: url, link: url, linkId: 1 }],
    { size: captionSize, lineHeight: 1.3, color },
    { ...frame, width: Math.max(frame.width / 2, SIDE) },
    structNode('P', frame.parent),
    ctx,
  );
  const slice: Slice = {
    height: SIDE,
    spaceBefore: 0,
    items: [
      {
        kind: 'qr',
        x: frame.x,
        y: 0,
        size: SIDE,
        modules: matrix.data,
        count: matrix.size,
        quiet: QUIET,
        node: figure,
      },
    ],
  };
  let y = SIDE + gap * 0.5;
  for (const line of caption) {
    for (const item of line.items) if (item.kind === 'text') slice.items.push({ ...item, y: item.y + y });
    y += line.height;
  }
  slice.height = y;
  return [slice];
}
