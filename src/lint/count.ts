import { syllables } from './syllables.js';

/** Raw counts; every readability formula is computed from these, never from rounded ratios. */
export interface Counts {
  sentences: number;
  words: number;
  syllables: number;
  /** Words of three or more syllables (SMOG), counting repeats. */
  polysyllables: number;
}

export interface Word {
  text: string;
  syllables: number;
  /** On the audience's allow list (config or topic `lint.allow`): never a hard word. */
  allowed?: boolean;
}

export interface Sentence {
  text: string;
  words: Word[];
}

/**
 * A word: letters/digits, joined by internal apostrophes, hyphens or periods ("long-term", "body's",
 * "e.g", "COVID-19" are one word each; SMOG counts hyphenated words as one), or a number such as
 * "1,000", "12.5" or "3rd".
 */
const WORD = /\p{N}+(?:[.,]\p{N}+)*(?:st|nd|rd|th)?(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:['’.-][\p{L}\p{M}\p{N}]+)*/gu;

/** Words whose trailing period is not the end of a sentence. */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'vs',
  'e.g',
  'i.e',
  'fig',
  'approx',
  'no',
  'jr',
  'sr',
  'cf',
  'etc',
  'a.m',
  'p.m',
]);

/** Units a dose or a measurement is written in ("5 mg", "2.5 mL", "10 units", "38.5 °C", "50%"). */
const UNITS = [
  'mg',
  'mcg',
  'µg',
  'μg',
  'ng',
  'g',
  'kg',
  'ml',
  'dl',
  'l',
  'cc',
  'mmol',
  'mol',
  'meq',
  'iu',
  'units?',
  'mm',
  'cm',
  'm',
  'km',
  'lbs?',
  'oz',
  'mmhg',
  '°[cf]',
  '%',
  '[ap]\\.?m\\.?',
].join('|');

/**
 * What is read out but is not a word to score: web addresses, e-mail addresses, phone numbers
 * ("555-0100", "(555) 010-0100", "+44 20 7946 0958"; not "2019-2020" or "1,000") and doses or
 * measurements with their unit ("5 mg", "2.5 mL", "1–2 units", "10 mg/kg", "6 pm"). Numbers alone
 * are left out after this (see `words`): a reader reads "10" or "2026" at a glance, so SMOG's
 * "read the number out" rule would make every dosing sheet look hard.
 */
const NOT_WORDS = new RegExp(
  [
    String.raw`\b(?:https?://|www\.)\S+`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    String.raw`(?<![\p{L}\p{N}])(?:(?:\+\d{1,3}|\(\d{1,4}\))[ .-]?|\d{1,4}[ .-])+\d{3,4}[ .-]\d{3,4}(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}])\d{3}[ .-]\d{4}(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}])\d+(?:[.,]\d+)*(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)*)?\s*(?:${UNITS})` +
      String.raw`(?:/(?:${UNITS}|day|d|h|hr|dose|week))?(?![\p{L}\p{N}])`,
  ].join('|'),
  'giu',
);

/** A number ("10", "1,000", "12.5", "3rd"): not a word for readability. */
const NUMBER = /^\p{N}+(?:[.,]\p{N}+)*(?:st|nd|rd|th)?$/u;

export function words(text: string): Word[] {
  return (text.replace(NOT_WORDS, ' ').match(WORD) ?? [])
    .filter((t) => !NUMBER.test(t))
    .map((t) => ({ text: t, syllables: syllables(t) }));
}

/**
 * Splits one block of text (a paragraph, a list item, a caption) into sentences. A block always ends
 * a sentence, even without a full stop (a bullet point is read as one). Inside a block a sentence
 * ends at `.`, `?` or `!` followed by a space, unless the period closes an abbreviation ("e.g.",
 * "Dr.") or the next word starts in lower case.
 */
export function sentences(block: string): Sentence[] {
  const text = block.replace(/\s+/g, ' ').trim();
  const out: Sentence[] = [];
  let start = 0;
  const end = /[.!?]+["'”’)\]]*(?=\s|$)/g;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const stop = m.index + m[0].length;
    if (m[0].startsWith('.') && !/^[.]{2,}/.test(m[0]) && !endsSentence(text, m.index, stop)) continue;
    push(out, text.slice(start, stop));
    start = stop;
  }
  push(out, text.slice(start));
  return out;
}

/**
 * Looks only at a short window on each side of the period: slicing (and matching) the whole text
 * before every period made a long paragraph quadratic (512 KiB: 58 s). No abbreviation is longer
 * than the window; a word that fills it is not one.
 */
const WINDOW = 32;
const WORD_BEFORE = /[\p{L}\p{N}.]+$/u;

function endsSentence(text: string, dot: number, after: number): boolean {
  const from = Math.max(0, dot - WINDOW);
  const before = WORD_BEFORE.exec(text.slice(from, dot))?.[0].toLowerCase() ?? '';
  if (!(from > 0 && before.length === dot - from) && ABBREVIATIONS.has(before)) return false;
  const next = text.slice(after, after + 4).trimStart(); // whitespace runs are one space here
  return next === '' || !/^[\p{Ll}\p{N}]/u.test(next);
}

function push(out: Sentence[], raw: string): void {
  const text = raw.trim();
  const ws = words(text);
  if (ws.length) out.push({ text, words: ws });
}

/** Counts over sentences (a sentence without words is not a sentence). */
export function count(list: readonly Sentence[]): Counts {
  const c: Counts = { sentences: 0, words: 0, syllables: 0, polysyllables: 0 };
  for (const s of list) {
    c.sentences++;
    for (const w of s.words) {
      c.words++;
      // An allowed word reads as an ordinary one: at most two syllables, never a polysyllable.
      c.syllables += w.allowed ? Math.min(w.syllables, 2) : w.syllables;
      if (w.syllables >= 3 && !w.allowed) c.polysyllables++;
    }
  }
  return c;
}

/** Counts of plain text split into blocks (each block ends a sentence). */
export function countText(...blocks: string[]): Counts {
  return count(blocks.flatMap((b) => sentences(b)));
}
