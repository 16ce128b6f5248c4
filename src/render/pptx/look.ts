import type { ThemePalette } from '../../themes/palette.js';

// Units and the deck's look as PowerPoint needs them. Marp's slide is 1280×720 (or 960×720) CSS px, and
// PowerPoint's is 13.333×7.5 in (10×7.5 in): 96 px to the inch, so 1 px = 9525 EMU and a font of N px is
// 0.75·N pt — the PowerPoint slide has the same proportions and text sizes as the Marp one.

export const emu = (px: number) => Math.round(px * 9525);
/** A font size in hundredths of a point, as DrawingML writes it. */
export const sz = (px: number) => Math.round(px * 75);

export interface Look {
  palette: ThemePalette;
  /** Slide size in CSS px. */
  width: number;
  height: number;
  /** Latin font for text, and for code and TeX. */
  font: string;
  mono: string;
  /** The language tag every run carries. */
  lang: string;
}

/** A CSS font-family list → the one family a .pptx names: the first that is not a browser alias. */
export function officeFont(family: string): string {
  const names = family
    .split(',')
    .map((f) => f.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);
  const alias = /^(-apple-system|BlinkMacSystemFont|system-ui|ui-sans-serif|sans-serif|serif|monospace|inherit)$/i;
  return names.find((n) => !alias.test(n)) ?? 'Arial';
}

export const hexOf = (colour: string) => colour.replace(/^#/, '').toUpperCase();

/** `a` mixed with `b` by `t` (0 = a, 1 = b), as #rrggbb. */
export function mix(a: string, b: string, t: number): string {
  const pa = parseInt(hexOf(a), 16);
  const pb = parseInt(hexOf(b), 16);
  const ch = (s: number) => Math.round(((pa >> s) & 255) * (1 - t) + ((pb >> s) & 255) * t);
  return `#${((ch(16) << 16) | (ch(8) << 8) | ch(0)).toString(16).padStart(6, '0')}`;
}

// Office picks the spelling dictionary by culture ("en-US"); a bare language ("en") gets the culture that
// language is most often written in (CLDR's likely subtags), a tag with a region is kept as written.
const CULTURE: Record<string, string> = {
  ar: 'ar-SA',
  bg: 'bg-BG',
  ca: 'ca-ES',
  cs: 'cs-CZ',
  cy: 'cy-GB',
  da: 'da-DK',
  de: 'de-DE',
  el: 'el-GR',
  en: 'en-US',
  es: 'es-ES',
  et: 'et-EE',
  eu: 'eu-ES',
  fa: 'fa-IR',
  fi: 'fi-FI',
  fr: 'fr-FR',
  ga: 'ga-IE',
  gl: 'gl-ES',
  he: 'he-IL',
  hi: 'hi-IN',
  hr: 'hr-HR',
  hu: 'hu-HU',
  id: 'id-ID',
  is: 'is-IS',
  it: 'it-IT',
  ja: 'ja-JP',
  ko: 'ko-KR',
  lt: 'lt-LT',
  lv: 'lv-LV',
  ms: 'ms-MY',
  nb: 'nb-NO',
  nl: 'nl-NL',
  nn: 'nn-NO',
  no: 'nb-NO',
  pl: 'pl-PL',
  pt: 'pt-BR',
  ro: 'ro-RO',
  ru: 'ru-RU',
  sk: 'sk-SK',
  sl: 'sl-SI',
  sr: 'sr-Latn-RS',
  sv: 'sv-SE',
  sw: 'sw-KE',
  th: 'th-TH',
  tl: 'fil-PH',
  tr: 'tr-TR',
  uk: 'uk-UA',
  ur: 'ur-PK',
  vi: 'vi-VN',
  zh: 'zh-CN',
};

export function officeLang(tag: string): string {
  const t = tag.trim();
  if (/^[a-z]{2,3}$/i.test(t)) return CULTURE[t.toLowerCase()] ?? t.toLowerCase();
  return t;
}
