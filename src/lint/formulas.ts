import type { Counts } from './count.js';

/** SMOG is normed on 30-sentence samples; shorter texts are scaled to 30 and flagged. */
export const SMOG_SAMPLE = 30;

export interface Scores {
  /** SMOG grade (McLaughlin 1969); null without any sentence. */
  smog: number | null;
  /** Flesch-Kincaid grade level (Kincaid et al. 1975). */
  fk: number | null;
  /** Flesch reading ease (Flesch 1948); higher is easier. */
  fre: number | null;
  /** Fewer than 30 sentences: SMOG was normalised to 30 and is less reliable. */
  smallSample: boolean;
  /**
   * Which formulas: English (default); `es`: `smog` holds SOL, `fk` Fernández-Huerta and `fre`
   * Szigriszt-Pazos/INFLESZ (`band` its reading); `none`: no formula for the language, all null.
   */
  formula?: 'es' | 'none';
  band?: string;
}

/** SMOG = 1.0430 × √(polysyllables × 30 / sentences) + 3.1291. Never 0: a text with no long words scores 3.1291. */
export function smog(c: Counts): number | null {
  if (c.sentences === 0) return null;
  return 1.043 * Math.sqrt((c.polysyllables * SMOG_SAMPLE) / c.sentences) + 3.1291;
}

/** FKGL = 0.39 × words/sentences + 11.8 × syllables/words − 15.59. */
export function fleschKincaid(c: Counts): number | null {
  if (c.sentences === 0 || c.words === 0) return null;
  return 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59;
}

/** FRE = 206.835 − 1.015 × words/sentences − 84.6 × syllables/words. */
export function fleschReadingEase(c: Counts): number | null {
  if (c.sentences === 0 || c.words === 0) return null;
  return 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words);
}

export function scores(c: Counts): Scores {
  return { smog: smog(c), fk: fleschKincaid(c), fre: fleschReadingEase(c), smallSample: c.sentences < SMOG_SAMPLE };
}

export function addCounts(list: readonly Counts[]): Counts {
  return list.reduce(
    (a, c) => ({
      sentences: a.sentences + c.sentences,
      words: a.words + c.words,
      syllables: a.syllables + c.syllables,
      polysyllables: a.polysyllables + c.polysyllables,
    }),
    {
      sentences: 0,
      words: 0,
      syllables: 0,
      polysyllables: 0,
    },
  );
}
