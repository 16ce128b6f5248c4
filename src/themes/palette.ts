// src/themes/palette.ts — the one description of a deck theme that every slide-shaped output reads
// (slides.html's CSS must agree with it; slides.pptx masters and drawn slide miniatures are made from it).
export interface ThemePalette {
  /** Marp theme name: deckhand, deckhand-dark, default, gaia, uncover (custom CSS themes: see themePalette). */
  name: string;
  dark: boolean;
  /** Colours as #rrggbb. */
  background: string;
  text: string;
  heading: string;
  accent: string;
  link: string;
  /** Captions, footer, page number. */
  muted: string;
  /** Font family name as deckhand ships it ('DejaVu Sans', later 'Atkinson Hyperlegible'), else a CSS family. */
  font: string;
  /** Sizes in CSS px on the 1280×720 (16:9) or 960×720 (4:3) slide. */
  sizes: { body: number; h1: number; h2: number; h3: number; small: number };
  /** Body line height (unitless). */
  lineHeight: number;
  /** Slide padding in px: top, right, bottom, left. */
  padding: [number, number, number, number];
  /** The title, main-message and divider slides. */
  lead: { background: string; text: string };
}

import { cssColour as hex } from './css-colour.js';

// Marp's built-in themes, read off marp-core 5's CSS (section, h1–h3, a, footer, pagination rules).
// The deckhand themes' values are the ones their CSS is written from (deckhand-css.ts).
const BUILTIN: Record<string, ThemePalette> = {
  deckhand: {
    name: 'deckhand',
    dark: false,
    background: '#ffffff',
    text: '#1b1f24',
    heading: '#0b3954',
    accent: '#0f7b8a',
    link: '#0b5c99',
    muted: '#555f6b',
    font: 'DejaVu Sans',
    sizes: { body: 30, h1: 60, h2: 46, h3: 36, small: 22 },
    lineHeight: 1.35,
    padding: [50, 72, 70, 72],
    lead: { background: '#0b3954', text: '#ffffff' },
  },
  'deckhand-dark': {
    name: 'deckhand-dark',
    dark: true,
    background: '#14181d',
    text: '#e8edf2',
    heading: '#ffffff',
    accent: '#4fd1c5',
    link: '#8ccbff',
    muted: '#a3aeb9',
    font: 'DejaVu Sans',
    sizes: { body: 30, h1: 60, h2: 46, h3: 36, small: 22 },
    lineHeight: 1.35,
    padding: [50, 72, 70, 72],
    lead: { background: '#0d2c40', text: '#ffffff' },
  },
  default: {
    name: 'default',
    dark: false,
    background: '#ffffff',
    text: '#1f2328',
    heading: '#224466',
    accent: '#4488cc',
    link: '#0969da',
    muted: '#777777',
    font: '-apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif',
    sizes: { body: 29, h1: 46.4, h2: 37.7, h3: 31.9, small: 18 },
    lineHeight: 1.5,
    padding: [78.5, 78.5, 78.5, 78.5],
    lead: { background: '#ffffff', text: '#1f2328' },
  },
  gaia: {
    name: 'gaia',
    dark: false,
    background: '#fff8e1',
    text: '#455a64',
    heading: '#455a64',
    accent: '#0288d1',
    link: '#0288d1',
    muted: '#6a7a7d',
    font: 'Lato, "Avenir Next", Avenir, "Trebuchet MS", "Segoe UI", sans-serif',
    sizes: { body: 35, h1: 63, h2: 52.5, h3: 45.5, small: 23.1 },
    lineHeight: 1.35,
    padding: [70, 70, 70, 70],
    lead: { background: '#fff8e1', text: '#455a64' },
  },
  uncover: {
    name: 'uncover',
    dark: false,
    background: '#fdfcff',
    text: '#202228',
    heading: '#202228',
    accent: '#009dd5',
    link: '#009dd5',
    muted: '#8a8b8f',
    font:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Oxygen, Ubuntu, Cantarell, "Open Sans", "Helvetica ' +
      'Neue", sans-serif',
    sizes: { body: 40, h1: 80, h2: 68, h3: 56, small: 18 },
    lineHeight: 1.4,
    padding: [30, 70, 30, 70],
    lead: { background: '#fdfcff', text: '#202228' },
  },
};

/**
 * The palette of a theme by name. A custom CSS theme (css given) gets the colours and sizes it declares as
 * plain properties on `section`, `h1`, `h2`, `a` (over the palette of the built-in it @imports, else default's),
 * plus `approximate: true` so a renderer can warn (DH_MINIATURE).
 */
export function themePalette(name: string, css?: string): ThemePalette & { approximate: boolean } {
  const builtin = BUILTIN[name];
  if (builtin && css === undefined) return { ...copy(builtin), approximate: false };
  if (css === undefined) return { ...copy(BUILTIN.default!), name, approximate: true };
  const imported = /@import\s+(?:url\()?\s*["']([\w-]+)["']/.exec(css)?.[1];
  const base = copy(BUILTIN[imported ?? ''] ?? BUILTIN.default!);
  const p: ThemePalette = { ...base, name };
  const section = declarations(css, 'section');
  const body = px(section['font-size'], p.sizes.body);
  const scale = body / base.sizes.body;
  p.sizes = {
    body,
    h1: px(declarations(css, 'h1')['font-size'], p.sizes.h1 * scale, body),
    h2: px(declarations(css, 'h2')['font-size'], p.sizes.h2 * scale, body),
    h3: px(declarations(css, 'h3')['font-size'], p.sizes.h3 * scale, body),
    small: p.sizes.small * scale,
  };
  p.background = hex(section['background-color'] ?? section.background) ?? p.background;
  p.text = hex(section.color) ?? p.text;
  p.heading =
    hex(declarations(css, 'h1').color ?? declarations(css, 'h2').color) ?? (section.color ? p.text : p.heading);
  p.link = hex(declarations(css, 'a').color) ?? p.link;
  if (section['font-family']) p.font = section['font-family'];
  const lh = Number(section['line-height']);
  if (lh > 0 && lh < 4) p.lineHeight = lh;
  const pad = section.padding?.split(/\s+/).map((v) => px(v, NaN));
  if (pad?.length && pad.every((v) => Number.isFinite(v))) {
    const [t, r, b, l] = [pad[0]!, pad[1] ?? pad[0]!, pad[2] ?? pad[0]!, pad[3] ?? pad[1] ?? pad[0]!];
    p.padding = [t, r, b, l];
  }
  p.dark = luminance(p.background) < 0.4;
  if (!BUILTIN[imported ?? '']) p.lead = { background: p.background, text: p.text };
  return { ...p, approximate: true };
}

function copy(p: ThemePalette): ThemePalette {
  return { ...p, sizes: { ...p.sizes }, padding: [...p.padding], lead: { ...p.lead } };
}

/** Plain `prop: value` declarations of the rules whose selector list holds `sel` or `section sel`. */
function declarations(css: string, sel: string): Record<string, string> {
  const out: Record<string, string> = {};
  // Comments and at-rule statements (`@import "default";`) out first: they would join the next rule's selector.
  const stripped = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@[\w-]+[^;{}]*;/g, '');
  for (const m of stripped.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selectors = m[1]!.split(',').map((s) => s.trim().replace(/\s+/g, ' '));
    if (!selectors.some((s) => s === sel || s === `section ${sel}` || (sel === 'section' && s === ':root'))) continue;
    for (const d of m[2]!.split(';')) {
      const i = d.indexOf(':');
      if (i > 0)
        out[d.slice(0, i).trim().toLowerCase()] = d
          .slice(i + 1)
          .replace(/!important/, '')
          .trim();
    }
  }
  return out;
}

function px(value: string | undefined, fallback: number, em = 16): number {
  const m = /^(\d*\.?\d+)(px|pt|em|rem)?$/.exec(value?.trim() ?? '');
  if (!m) return fallback;
  const n = Number(m[1]);
  return m[2] === 'pt' ? n / 0.75 : m[2] === 'em' || m[2] === 'rem' ? n * em : n;
}

function luminance(colour: string): number {
  const n = parseInt(colour.slice(1), 16);
  return (0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255;
}
