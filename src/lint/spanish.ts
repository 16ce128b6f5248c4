import type { Counts } from './count.js';
import { SMOG_SAMPLE } from './formulas.js';

/*
 * Spanish readability (shared/reference/languages-clinic.md §2). S syllables, W words, F sentences:
 * - Fernández-Huerta, corrected: 206.84 − 60·S/W − 1.02·W/F (the often printed form has the sentence
 *   term backwards: sentences per 100 words instead of words per sentence).
 * - Szigriszt-Pazos perspicuity, read on the INFLESZ scale (Barrio-Cantalejo et al. 2008):
 *   206.835 − 62.3·S/W − W/F; < 40 muy difícil, 40–55 algo difícil, 55–65 normal, 65–80 bastante
 *   fácil, > 80 muy fácil.
 * - SOL (Contreras et al. 1999), the US grade: −2.51 + 0.74 × SMOG counted on the Spanish text.
 */

export function fernandezHuerta(c: Counts): number | null {
  if (c.sentences === 0 || c.words === 0) return null;
  return 206.84 - 60 * (c.syllables / c.words) - 1.02 * (c.words / c.sentences);
}

export function szigrisztPazos(c: Counts): number | null {
  if (c.sentences === 0 || c.words === 0) return null;
  return 206.835 - 62.3 * (c.syllables / c.words) - c.words / c.sentences;
}

export function inflesz(score: number): string {
  if (score < 40) return 'muy difícil';
  if (score < 55) return 'algo difícil';
  if (score < 65) return 'normal';
  if (score <= 80) return 'bastante fácil';
  return 'muy fácil';
}

/** SOL grade from SMOG on Spanish counts (polysyllables: 3+ Spanish syllables). */
export function sol(c: Counts): number | null {
  if (c.sentences === 0) return null;
  const smogEs = 1.043 * Math.sqrt((c.polysyllables * SMOG_SAMPLE) / c.sentences) + 3.1291;
  return -2.51 + 0.74 * smogEs;
}

/** INFLESZ below this is "algo difícil": too hard for a patient handout. */
export const INFLESZ_FLOOR = 55;

/**
 * English dosing words left in Spanish text: "once" is Spanish for eleven, so "once daily" read as
 * "eleven times" is the classic medication error. Plain "once" is not flagged (it is Spanish).
 */
export const ENGLISH_MEDICATION_WORDS = new RegExp(
  String.raw`\b(once (?:a|per) day|once daily|daily|twice|three times a day|as needed|at bedtime|by mouth|` +
    String.raw`with food|tablets?|capsules?|pills?|doses?|refills?)\b`,
  'gi',
);
