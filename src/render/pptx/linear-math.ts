// Inline formulas in slides.pptx: a line of DrawingML text cannot hold a picture, so a formula inside a
// sentence is written as text in linear form, the way PowerPoint's own equation editor types it: letters
// italic, sub- and superscripts as raised or lowered runs, Greek letters and operators as their Unicode
// characters, a fraction as a/b. Text stays editable and searchable. Only TeX with a faithful linear form is
// converted (no matrices, no environments, no unknown commands): for the rest, null, and the caller writes
// the TeX itself.

export interface MathRun {
  text: string;
  italic: boolean;
  /** DrawingML baseline shift in thousandths of a percent: 30000 superscript, -25000 subscript, 0 none. */
  baseline: number;
}

const SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ϵ',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'ϕ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  cdot: '⋅',
  times: '×',
  div: '÷',
  pm: '±',
  mp: '∓',
  approx: '≈',
  sim: '∼',
  simeq: '≃',
  equiv: '≡',
  ne: '≠',
  neq: '≠',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ll: '≪',
  gg: '≫',
  propto: '∝',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  infty: '∞',
  partial: '∂',
  nabla: '∇',
  int: '∫',
  sum: '∑',
  prod: '∏',
  degree: '°',
  circ: '∘',
  prime: '′',
  ldots: '…',
  cdots: '⋯',
  in: '∈',
  notin: '∉',
  cup: '∪',
  cap: '∩',
  percent: '%',
  '%': '%',
  $: '$',
  '{': '{',
  '}': '}',
  '#': '#',
  '&': '&',
  _: '_',
};
/** Operators set with space around them (at the main level). */
const SPACED = new Set([
  '=',
  '<',
  '>',
  '+',
  '−',
  '≈',
  '∼',
  '≃',
  '≡',
  '≠',
  '≤',
  '≥',
  '≪',
  '≫',
  '∝',
  '→',
  '←',
  '⇒',
  '×',
  '±',
]);
const FUNCTIONS = new Set(['ln', 'log', 'exp', 'sin', 'cos', 'tan', 'lim', 'max', 'min', 'det', 'mod']);
const SPACES: Record<string, string> = { ',': '\u202f', ':': '\u2005', ';': '\u2005', ' ': ' ', quad: '\u2003' };
const UPRIGHT_GROUPS = new Set(['text', 'textrm', 'mathrm', 'operatorname', 'mathbf', 'textbf', 'mathsf']);

class Unsupported extends Error {}

export function linearMath(tex: string): MathRun[] | null {
  const tokens = tex.match(/\\[A-Za-z]+|\\.|[A-Za-z]|\d+(?:\.\d+)?|\s+|./gs) ?? [];
  let at = 0;
  let out: MathRun[] = [];
  const emit = (text: string, italic: boolean, baseline: number) => {
    const last = out[out.length - 1];
    if (last && last.italic === italic && last.baseline === baseline) last.text += text;
    else out.push({ text, italic, baseline });
  };
  const spaced = (op: string, baseline: number) => {
    const prev = out[out.length - 1];
    // A sign (nothing or an opening bracket before it) or anything in a script: no space.
    const unary = !prev || /[([{\s−+=<>≈≤≥→×±⋅]$/.test(prev.text);
    if (baseline !== 0 || unary) emit(op, false, baseline);
    else emit(` ${op} `, false, baseline);
  };

  /** One argument: a braced group or a single token. */
  const argument = (baseline: number): void => {
    while (tokens[at] && /^\s+$/.test(tokens[at]!)) at++;
    if (tokens[at] === '{') {
      at++;
      sequence(baseline, '}');
      at++;
    } else atom(baseline);
  };
  /** A braced group's raw text (for \text). */
  const rawGroup = (): string => {
    if (tokens[at] !== '{') throw new Unsupported();
    let depth = 0;
    let text = '';
    for (at++; at < tokens.length; at++) {
      const t = tokens[at]!;
      if (t === '{') depth++;
      if (t === '}' && depth-- === 0) break;
      text += t.startsWith('\\') && t.length === 2 ? t.slice(1) : t;
    }
    if (tokens[at] !== '}') throw new Unsupported();
    at++;
    return text;
  };
  /** An argument set on its own (a fraction's numerator): its runs, not yet part of the output. */
  const group = (baseline: number): MathRun[] => {
    const outer = out;
    out = [];
    argument(baseline);
    const runs = out;
    out = outer;
    return runs;
  };
  const plain = (runs: MathRun[]) => runs.map((r) => r.text).join('');

  function atom(baseline: number): void {
    const t = tokens[at++];
    if (t === undefined || t === '}' || t === '&' || t === '\\\\') throw new Unsupported();
    if (/^\s+$/.test(t)) return;
    if (t === '{') {
      sequence(baseline, '}');
      at++;
      return;
    }
    if (t === '_' || t === '^') {
      const shift = t === '_' ? -25000 : 30000;
      // A script of a script: DrawingML has one level of raising; it stays at the first level.
      argument(baseline === 0 ? shift : baseline);
      return;
    }
    if (/^[A-Za-z]$/.test(t)) return emit(t, true, baseline);
    if (/^\d/.test(t)) return emit(t, false, baseline);
    if (t === '-') return spaced('−', baseline);
    if (t === "'") return emit('′', false, baseline);
    if (t === '~') return emit('\u00a0', false, baseline);
    if (SPACED.has(t)) return spaced(t, baseline);
    if (!t.startsWith('\\')) return emit(t, false, baseline);
    const name = t.slice(1);
    if (name in SPACES) return emit(SPACES[name]!, false, baseline);
    if (name === 'qquad') return emit('\u2003\u2003', false, baseline);
    if (name === '!') return;
    if (UPRIGHT_GROUPS.has(name)) return emit(rawGroup(), false, baseline);
    if (FUNCTIONS.has(name)) return emit(`${name}\u202f`, false, baseline);
    if (name === 'left' || name === 'right' || name === 'big' || name === 'Big' || name === 'bigl' || name === 'bigr') {
      const d = tokens[at++];
      if (d === undefined) throw new Unsupported();
      if (d !== '.') emit(d.startsWith('\\') ? (SYMBOLS[d.slice(1)] ?? d.slice(1)) : d, false, baseline);
      return;
    }
    if (name === 'frac' || name === 'tfrac' || name === 'dfrac') {
      const num = group(baseline);
      const den = group(baseline);
      const wrap = (runs: MathRun[]) => {
        const simple = /^[^\s+−=/]+$/.test(plain(runs).trim()) && runs.every((r) => r.baseline === baseline);
        return simple
          ? runs
          : [{ text: '(', italic: false, baseline }, ...runs, { text: ')', italic: false, baseline }];
      };
      for (const r of [...wrap(num), { text: '/', italic: false, baseline }, ...wrap(den)])
        emit(r.text, r.italic, r.baseline);
      return;
    }
    if (name === 'sqrt') {
      if (tokens[at] === '[') throw new Unsupported();
      const inner = group(baseline);
      const simple = plain(inner).length === 1;
      emit('√', false, baseline);
      if (!simple) emit('(', false, baseline);
      for (const r of inner) emit(r.text, r.italic, r.baseline);
      if (!simple) emit(')', false, baseline);
      return;
    }
    const symbol = SYMBOLS[name];
    if (symbol === undefined) throw new Unsupported();
    if (SPACED.has(symbol)) return spaced(symbol, baseline);
    emit(symbol, false, baseline);
  }

  function sequence(baseline: number, end: string | null): void {
    while (at < tokens.length && tokens[at] !== end) atom(baseline);
    if (end && tokens[at] !== end) throw new Unsupported();
  }

  try {
    sequence(0, null);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  return out.length ? out : null;
}
