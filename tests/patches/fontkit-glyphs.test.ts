import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { keepDecodedGlyphs } from '../../src/patches/fontkit-glyphs.js';
import { expectPatchedVersion } from '../helpers/versions.js';

describe('patch: fontkit glyph outlines decoded once', () => {
  it('is written for the installed fontkit', () => expectPatchedVersion('fontkit'));

  it('decodes a glyph once however often it is asked for, and the outline stays the same', async () => {
    const fontkit = await import('fontkit');
    const path = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
    const font = fontkit.create(readFileSync(path)) as import('fontkit').Font;
    const glyph = font.layout('A').glyphs[0] as unknown as { _decode(): unknown; path: { commands: unknown[] } };
    const before = JSON.stringify(glyph.path.commands);
    keepDecodedGlyphs(font);
    keepDecodedGlyphs(font); // twice: still one wrapper
    const proto = Object.getPrototypeOf(glyph) as { _decode(): unknown };
    expect(proto._decode).toBe(Object.getPrototypeOf(font.getGlyph(1))._decode);
    expect(glyph._decode()).toBe(glyph._decode()); // the same object: decoded once
    expect(JSON.stringify(glyph.path.commands)).toBe(before);
  });
});
