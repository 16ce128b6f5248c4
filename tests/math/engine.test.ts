import { describe, expect, it } from 'vitest';
import { cached, key, measure, typeset } from '../../src/math/engine.js';

describe('the math engine (MathJax → SVG)', () => {
  it('typesets inline and display TeX as paths, with the size in em', async () => {
    const out = await typeset([
      { tex: 'C(t) = C_0 \\, e^{-kt}', display: false },
      { tex: '\\frac{\\ln 2}{k}', display: true },
    ]);
    const inline = out.get(key('C(t) = C_0 \\, e^{-kt}', false))!;
    expect(inline.ok).toBe(true);
    if (!inline.ok) return;
    expect(inline.formula.svg).toMatch(/^<svg [^>]*viewBox=/);
    expect(inline.formula.svg).toContain('<path');
    expect(inline.formula.svg).not.toMatch(/<text|data-latex|<use/);
    expect(inline.formula.width).toBeGreaterThan(5);
    expect(inline.formula.ascent).toBeGreaterThan(0.6);
    expect(inline.formula.descent).toBeGreaterThan(0.2);
    const display = out.get(key('\\frac{\\ln 2}{k}', true))!;
    expect(display.ok && display.formula.descent > 0.3).toBe(true);
    expect(cached('\\frac{\\ln 2}{k}', true)).toBe(display);
  });

  it('reports what the engine rejects, with its message', async () => {
    const out = await typeset([
      { tex: '\\frac{1}{', display: false },
      { tex: '\\foo x', display: false },
      { tex: '\\href{javascript:alert(1)}{x}', display: false },
    ]);
    expect([...out.values()]).toEqual([
      { ok: false, message: 'Missing close brace' },
      { ok: false, message: 'Undefined control sequence \\foo' },
      { ok: false, message: 'Undefined control sequence \\href' },
    ]);
  });

  it('gives the same bytes for the same formula', async () => {
    const a = (await typeset([{ tex: '\\sum_{i=1}^n i^2', display: true }])).get(key('\\sum_{i=1}^n i^2', true));
    expect(a).toEqual(measure((a as { formula: { svg: string } }).formula.svg) && a);
  });
});
