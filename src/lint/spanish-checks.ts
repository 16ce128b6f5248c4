import type { Audience } from '../config/types.js';
import { Codes } from '../errors/codes.js';
import type { Severity } from '../errors/diagnostic.js';
import type { DataPath } from '../source/yaml-source.js';
import type { Finding, UnitScore } from './checks.js';
import type { Sentence } from './count.js';
import { ENGLISH_MEDICATION_WORDS, INFLESZ_FLOOR } from './spanish.js';

/** English dosing words in Spanish text ("once daily" reads as "eleven daily"): always a warning. */
export function englishWords(list: readonly { sentence: Sentence; path: DataPath }[]): Finding[] {
  const out: Finding[] = [];
  for (const { sentence, path } of list) {
    for (const m of sentence.text.matchAll(ENGLISH_MEDICATION_WORDS)) {
      out.push({
        severity: 'warning',
        code: Codes.spanishEnglishWord,
        message: `English medication word "${m[0]}" in Spanish text for \u0001`,
        hint:
          'write dosing in Spanish ("una vez al día", "dos veces al día", "según sea necesario", "tableta"): ' +
          '"once" is Spanish for eleven',
        path,
        find: m[0],
      });
    }
  }
  return out;
}

/** The whole handout below INFLESZ 55 ("algo difícil") for an audience with a reading grade of 8 or less. */
export function infleszFinding(
  total: UnitScore,
  audience: Audience,
  severity: Severity,
): Omit<Finding, 'path'> | undefined {
  const score = total.scores.fre;
  if (score === null || audience.readingGrade === undefined || audience.readingGrade > 8 || score >= INFLESZ_FLOOR)
    return undefined;
  return {
    severity,
    code: Codes.readability,
    message:
      `the handout reads at INFLESZ ${score.toFixed(1)} (${total.scores.band}) for \u0001, below ` +
      `${INFLESZ_FLOOR} (normal)`,
    hint: 'use shorter sentences and shorter, everyday words',
  };
}
