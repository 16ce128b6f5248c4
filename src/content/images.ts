import { readdirSync, realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { closest } from '../errors/suggest.js';
import { sanitizeSvg } from './svg.js';
import type { ImageAsset, ImageType } from './types.js';

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/**
 * A PNG of zeros compresses a thousandfold: 560 KB can hold 12 000 × 12 000 pixels, which PDFKit
 * decodes into memory (18 s and 600 MB; larger ones exhaust memory). 50 megapixels is far beyond
 * what a slide or a printed page can show.
 */
const MAX_PIXELS = 50_000_000;

/**
 * Reads one image a topic refers to. Only files inside the project are allowed (no URLs,
 * absolute paths, `..` escapes or symlinks leading out), so a build never fetches or leaks anything.
 */
export async function readImage(
  src: string,
  topicPath: string,
  root: string,
  at: Omit<Diagnostic, 'severity' | 'code' | 'message'>,
): Promise<{ image?: ImageAsset; diagnostic?: Diagnostic }> {
  const fail = (message: string, hint?: string) => ({ diagnostic: error(Codes.image, message, { ...at, hint }) });
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^[a-z]:[\\/]/i.test(src)) {
    return fail(
      `image "${src}" is a URL; only files inside the project are allowed`,
      'download the image into the project and refer to it by a relative path',
    );
  }
  if (isAbsolute(src) || /^[a-z]:[\\/]/i.test(src)) {
    return fail(`image "${src}" is an absolute path`, 'use a path relative to the topic file');
  }
  const path = resolve(dirname(topicPath), src);
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(path);
  } catch {
    const near = nearestImage(src, dirname(topicPath));
    return fail(
      `image "${src}" not found${near ? ` — did you mean "${near}"?` : ''}`,
      `looked for ${relative(root, path) || path}`,
    );
  }
  const rel = relative(realRoot, real);
  if (rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) {
    return fail(`image "${src}" is outside the project`, 'copy the image into the project folder');
  }
  let bytes: Buffer;
  try {
    const info = await stat(real);
    if (info.isDirectory())
      return fail(`image "${src}" is a folder, not an image file`, 'give the path of the image file itself');
    // A FIFO or device would block the read forever.
    if (!info.isFile()) return fail(`image "${src}" is not a regular file`, 'give the path of a PNG, JPEG or SVG file');
    if (info.size > MAX_IMAGE_BYTES)
      return fail(`image "${src}" is larger than 20 MiB`, 'shrink or compress the image');
    bytes = await readFile(real);
  } catch (e) {
    return fail(
      `image "${src}" cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      'check that the file exists and is readable',
    );
  }
  if (looksLikeSvg(bytes)) {
    const svg = sanitizeSvg(bytes);
    if ('problem' in svg)
      return fail(
        `image "${src}" is an SVG that cannot be used: ${svg.problem}`,
        'SVG images may hold shapes, text, gradients and embedded PNG/JPEG images; no scripts, links, animation or ' +
          'anything loaded from outside the file',
      );
    const width = Math.max(1, Math.round(svg.width));
    const height = Math.max(1, Math.round(svg.height));
    if (width * height > MAX_PIXELS)
      return fail(
        `image "${src}" is ${width} × ${height} pixels; the limit is ${MAX_PIXELS / 1e6} megapixels`,
        'give the SVG a smaller width and height (the drawing scales with them)',
      );
    return { image: { src, path: real, type: 'svg', width, height, bytes: new TextEncoder().encode(svg.svg) } };
  }
  const info = sniff(bytes);
  if ('unsupported' in info) {
    if (info.unsupported.startsWith('a corrupt'))
      return fail(`image "${src}" is ${info.unsupported}`, 'export or save the image again from an image editor');
    return fail(
      `image "${src}" is ${info.unsupported}; only PNG, JPEG and SVG are supported`,
      'convert the image to PNG, JPEG or SVG',
    );
  }
  if (info.width * info.height > MAX_PIXELS) {
    return fail(
      `image "${src}" is ${info.width} × ${info.height} pixels; the limit is ${MAX_PIXELS / 1e6} megapixels`,
      'scale the image down: about 2000 pixels across is plenty for slides and print',
    );
  }
  return { image: { src, path: real, bytes: new Uint8Array(bytes), ...info } };
}

type Sniffed = { type: ImageType; width: number; height: number } | { unsupported: string };

/** Reads the format and pixel size from the header; rejects what PDFKit and browsers would choke on. */
export function sniff(b: Uint8Array): Sniffed {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 8 && b[0] === 0x89 && ascii(1, 4) === 'PNG') {
    if (b.length < 33 || ascii(12, 16) !== 'IHDR') return { unsupported: 'a corrupt PNG (no IHDR header)' };
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    if (!width || !height) return { unsupported: 'a corrupt PNG (zero size)' };
    if (!hasChunk(b, 'IDAT') || !hasChunk(b, 'IEND')) return { unsupported: 'a corrupt or truncated PNG' };
    return { type: 'png', width, height };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    // Walk the JPEG markers to the first start-of-frame, which carries the size.
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return { unsupported: 'a corrupt JPEG' };
      const marker = b[i + 1]!;
      const len = view.getUint16(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpeg', height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      }
      i += 2 + len;
    }
    return { unsupported: 'a corrupt or truncated JPEG' };
  }
  if (ascii(0, 4) === 'GIF8') return { unsupported: 'a GIF' };
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { unsupported: 'a WebP image' };
  return { unsupported: 'not an image' };
}

// An XML declaration, comments, a doctype (with an internal subset) and processing instructions may come
// before the <svg> root.

const SVG_START = new RegExp(
  String.raw`^(?:<\?xml[^>]*>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?>|<\?[\s\S]*?\?>)\s*)*` +
    String.raw`<svg[\s>]`,
  'i',
);
/** An SVG file: XML whose first element is <svg> (after an XML declaration, comments or a DOCTYPE). */
function looksLikeSvg(b: Uint8Array): boolean {
  const head = new TextDecoder()
    .decode(b.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return SVG_START.test(head);
}

function hasChunk(b: Uint8Array, name: string): boolean {
  let i = 8;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  while (i + 8 <= b.length) {
    const len = view.getUint32(i);
    if (String.fromCharCode(...b.subarray(i + 4, i + 8)) === name) return true;
    i += 12 + len;
  }
  return false;
}

const IMAGE_FILE = /\.(png|jpe?g|svg)$/i;

/**
 * The image file nearest in spelling to a missing `src`, among those in the topic's folder and its
 * subfolders (a few hundred at most: a typo hint is not worth a long walk), as a path the topic could use.
 */
function nearestImage(src: string, topicDir: string): string | undefined {
  const found: string[] = [];
  const walk = (dir: string, rel: string, depth: number) => {
    if (depth > 4 || found.length >= 500) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(resolve(dir, e.name), path, depth + 1);
      else if (e.isFile() && IMAGE_FILE.test(e.name)) found.push(path);
    }
  };
  walk(topicDir, '', 0);
  const wanted = src.replace(/^\.\//, '');
  const byPath = closest(wanted, found);
  if (byPath) return byPath;
  // The file name alone: "img/decay.png" for "images/decay.png", when the folder is wrong too.
  const name = wanted.split('/').pop()!;
  const byName = closest(
    name,
    found.map((f) => f.split('/').pop()!),
  );
  return byName ? found.find((f) => f === byName || f.endsWith('/' + byName)) : undefined;
}
