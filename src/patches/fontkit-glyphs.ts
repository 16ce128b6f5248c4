import type { Font } from 'fontkit';

/**
 * pdfkit subsets each font for each PDF, and fontkit's subsetter decodes the whole outline of every
 * glyph it copies (only to find composite glyphs), every time: a third of a subset's cost. A glyph's
 * outline never changes, and fontkit keeps one glyph object per font and id, so decode each once.
 * Patches the glyph prototype (shared by every TrueType font of the process); calling it twice is harmless.
 */
export function keepDecodedGlyphs(font: Font): void {
  const proto = Object.getPrototypeOf(font.getGlyph(0)) as { _decode(): unknown; [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const decode = proto._decode;
  const decoded = new WeakMap<object, unknown>();
  proto._decode = function (this: object) {
    if (!decoded.has(this)) decoded.set(this, decode.call(this));
    return decoded.get(this);
  };
  proto[PATCHED] = true;
}

const PATCHED = Symbol('deckhand.keepDecodedGlyphs');
