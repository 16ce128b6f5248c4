/** A typeset formula, as every output uses it. */
export interface Formula {
  /** A standalone `<svg>`: paths in `currentColor`, sized in `ex` (MathJax's x-height: 0.442 em). */
  svg: string;
  /** In em of the surrounding text: advance width, height above and depth below the baseline. */
  width: number;
  ascent: number;
  descent: number;
}

export type Typeset = { ok: true; formula: Formula } | { ok: false; message: string };

/** Formulas are looked up by display mode and TeX. */
export const formulaKey = (tex: string, display: boolean): string => `${display ? 'D' : 'I'}${tex}`;
