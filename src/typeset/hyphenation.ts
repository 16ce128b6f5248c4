import { createRequire } from 'node:module';

/**
 * Where a word may be split at a line end: offsets into `word` (the text of one word token, which may
 * carry punctuation such as "(example),") after which a hyphen can go. Empty: never split it.
 */
export type Hyphenator = (word: string) => readonly number[];

/** Letters kept on the line before a split and carried to the next one (TeX's English defaults: 2 and 3). */
export const LEFT_MIN = 2;
export const RIGHT_MIN = 3;
/** Shorter words are never split: a split of a short word saves little and costs reading. */
export const MIN_WORD = 6;

/**
 * The `hyphen` package's pattern file for a BCP 47 tag, by language (and region where spelling
 * differs): Liang's TeX patterns from CTAN. Languages not listed are not hyphenated.
 */
const PATTERNS: Record<string, string> = {
  en: 'en-us',
  'en-gb': 'en-gb',
  'en-au': 'en-gb',
  'en-nz': 'en-gb',
  'en-ie': 'en-gb',
  'en-in': 'en-gb',
  'en-za': 'en-gb',
  es: 'es',
  fr: 'fr',
  // The 1996 reformed spelling; Swiss German drops ß.
  de: 'de-1996',
  'de-ch': 'de-ch-1901',
  pt: 'pt',
  it: 'it',
  nl: 'nl',
  ca: 'ca',
  gl: 'gl',
  eu: 'eu',
  da: 'da',
  sv: 'sv',
  nb: 'nb',
  no: 'nb',
  nn: 'nn',
  fi: 'fi',
  is: 'is',
  pl: 'pl',
  cs: 'cs',
  sk: 'sk',
  sl: 'sl',
  hr: 'hr',
  hu: 'hu',
  ro: 'ro',
  tr: 'tr',
  ru: 'ru',
  uk: 'uk',
  bg: 'bg',
  el: 'el-monoton',
  et: 'et',
  lt: 'lt',
  lv: 'lv',
  id: 'id',
  cy: 'cy',
  ga: 'ga',
  af: 'af',
};

/** The pattern file for `lang`, or null when no patterns ship for it. */
export function patternsFor(lang: string): string | null {
  const parts = lang.toLowerCase().split(/[-_]/);
  const primary = parts[0]!;
  const region = parts.find((p, i) => i > 0 && /^[a-z]{2}$/.test(p));
  return (region && PATTERNS[`${primary}-${region}`]) || PATTERNS[primary] || null;
}

type Hyphenate = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;

// One hyphenator per pattern file, loaded on first use: each file is 7 kB (pt) to 750 kB (de).
const loaded = new Map<string, Hyphenator>();

/**
 * The hyphenator for `lang`, loading its patterns only now (and once per process), or null when no
 * patterns ship for the language.
 */
export function hyphenatorFor(lang: string): Hyphenator | null {
  const file = patternsFor(lang);
  if (!file) return null;
  let h = loaded.get(file);
  if (!h) {
    // CommonJS, required at run time from the package folder (kept out of the bundle: 81 pattern files).
    const require = createRequire(import.meta.url);
    const create = require('hyphen') as (patterns: unknown, options?: { async?: boolean }) => Hyphenate;
    const split = create(require(`hyphen/patterns/${file}.js`));
    h = (word) => splitPoints(word, split);
    loaded.set(file, h);
  }
  return h;
}

/**
 * The hyphenator for `lang` that loads its patterns on its first word: for words that must be
 * split whatever the audience's setting (wider than a line), which most handouts never have.
 */
export function lazyHyphenator(lang: string): Hyphenator {
  let h: Hyphenator | null | undefined;
  return (word) => {
    if (h === undefined) h = hyphenatorFor(lang);
    return h ? h(word) : [];
  };
}

const SOFT = '\u00AD';

/**
 * Split points of one word token. Only the letters are split, never what is not plainly a word:
 * anything with a digit, a hyphen, a slash, an @ or a dot or colon inside (numbers, doses, URLs,
 * e-mail addresses, file names, times), and words with a capital after the first letter (acronyms,
 * brand names: "COVID", "iPhone"). Punctuation around the word ("(cells),") stays with its side.
 */
export function splitPoints(word: string, split: Hyphenate): number[] {
  const m = /^([\p{P}\p{S}]*)(\p{L}[\p{L}\p{M}'’]*\p{L})([\p{P}\p{S}]*)$/u.exec(word);
  if (!m) return [];
  const [, before, core] = m as unknown as [string, string, string];
  if (/\p{Lu}/u.test(core.slice(1)) || core.includes(SOFT)) return [];
  const letters = [...core.replace(/\p{M}/gu, '')].length;
  if (letters < MIN_WORD) return [];
  const pieces = split(core, { hyphenChar: SOFT, minWordLength: MIN_WORD }).split(SOFT);
  const out: number[] = [];
  let at = 0;
  for (const piece of pieces.slice(0, -1)) {
    at += piece.length;
    const left = [...core.slice(0, at)].filter((c) => /\p{L}/u.test(c)).length;
    const right = [...core.slice(at)].filter((c) => /\p{L}/u.test(c)).length;
    // Never next to an apostrophe ("don’t", "l’hôpital" split after the apostrophe only by the patterns).
    if (left >= LEFT_MIN && right >= RIGHT_MIN && !/['’]$/.test(core.slice(0, at))) out.push(before.length + at);
  }
  return out;
}
