import { describe, expect, it } from 'vitest';
import { loadFonts, resolveChain } from '../../src/fonts/load.js';

describe('loadFonts', () => {
  it('parses a face only when it is used; the chain gives Atkinson’s missing arrow to DejaVu Sans', async () => {
    const set = await loadFonts(['Atkinson Hyperlegible', 'DejaVu Sans']);
    expect(set.families.map((f) => f.name)).toEqual(['Atkinson Hyperlegible', 'DejaVu Sans']);
    const before = set.loaded().length;
    expect(set.metrics.width('Take one tablet', 'regular', 10)).toBeGreaterThan(0);
    const arrow = '→'.codePointAt(0)!;
    expect(set.metrics.hasGlyph('regular', arrow)).toBe(false);
    expect(set.loaded()).not.toContain('regular.1');
    const found = set.metrics.fallbacks('regular').find((f) => set.metrics.hasGlyph(f, arrow));
    expect(found).toBe('regular.1');
    expect(set.face('regular.1').postscriptName).toBe('DejaVuSans');
    expect(set.face('regular').postscriptName).toBe('AtkinsonHyperlegible-Regular');
    // Neither code, nor math, nor a style the text did not use was parsed.
    expect(set.loaded()).not.toContain('mono');
    expect(set.loaded()).not.toContain('math');
    expect(set.loaded()).not.toContain('boldItalic');
    expect(before).toBe(0);
  });

  it('has all four Atkinson faces (bold italic included)', async () => {
    const set = await loadFonts(['Atkinson Hyperlegible']);
    expect(set.face('boldItalic').postscriptName).toBe('AtkinsonHyperlegible-BoldItalic');
    expect(set.face('italic').postscriptName).toBe('AtkinsonHyperlegible-Italic');
    // DejaVu Sans ends every chain, named or not.
    expect(set.families.map((f) => f.name)).toEqual(['Atkinson Hyperlegible', 'DejaVu Sans']);
  });

  it('a project family without some faces uses its nearest one', () => {
    const [own, last] = resolveChain([{ name: 'Clinic', regular: '/p/r.ttf', bold: '/p/b.ttf' }]);
    expect(own!.files).toEqual({ regular: '/p/r.ttf', bold: '/p/b.ttf', italic: '/p/r.ttf', boldItalic: '/p/b.ttf' });
    expect(last!.name).toBe('DejaVu Sans');
    expect(resolveChain([]).map((f) => f.name)).toEqual(['DejaVu Sans']);
  });
});
