import { describe, expect, it } from 'vitest';
import { linearMath } from '../../../src/render/pptx/linear-math.js';

// Inline formulas of slides.pptx in linear form: what a PowerPoint user reads and can edit.
const show = (tex: string) =>
  linearMath(tex)
    ?.map((r) => [r.italic ? `*${r.text}*` : r.text, r.baseline] as const)
    .map(([t, b]) => (b > 0 ? `^(${t})` : b < 0 ? `_(${t})` : t))
    .join('') ?? null;

describe('linearMath', () => {
  it.each([
    ['t_{1/2}', '*t*_(1/2)'],
    ['C(t) = C_0 \\, e^{-kt}', '*C*(*t*) = *C*_(0)\u202f*e*^(−)^(*kt*)'],
    ['F \\approx 0.25', '*F* ≈ 0.25'],
    ['D = C \\cdot V_d', '*D* = *C*⋅*V*_(*d*)'],
    ['k = \\frac{\\ln 2}{t_{1/2}}', '*k* = (ln\u202f2)/(*t*_(1/2))'],
    ['\\left(\\tfrac{1}{2}\\right)^n', '(1/2)^(*n*)'],
    ['\\mathrm{AUC} = \\int_0^\\infty C(t)\\,dt', 'AUC = ∫_(0)^(∞)*C*(*t*)\u202f*dt*'],
    ['\\text{dose in mg}', 'dose in mg'],
    ['\\alpha', 'α'],
    ['E = mc^2', '*E* = *mc*^(2)'],
    ['\\sqrt{a^2 + b^2}', '√(*a*^(2) + *b*^(2))'],
  ])('%s', (tex, want) => {
    expect(show(tex)).toBe(want);
  });

  it('gives up (the TeX is shown) where a linear form would mislead: matrices, environments, unknown commands', () => {
    for (const tex of ['\\begin{pmatrix} a \\\\ b \\end{pmatrix}', 'a & b', '\\sqrt[3]{x}', '\\overbrace{x}', 'x^{'])
      expect(linearMath(tex), tex).toBeNull();
  });
});
