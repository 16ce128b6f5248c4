/*
 * Spanish syllables by the RAE's orthographic rules, counted (not split): each run of vowels is one
 * syllable unless it holds a hiatus. Not hyphenation patterns, which deliberately never split a hiatus
 * or leave one letter alone and so undercount by about a fifth (día, oído, océano).
 * - Open vowels a e o (and the stressed closed í ú) are "strong"; two strong vowels side by side are
 *   a hiatus (po-e-ta, o-cé-a-no, dí-a, o-í-do, ba-úl).
 * - An unstressed closed vowel i u ü (and a word-final y after a vowel: hoy, muy, buey) joins its
 *   neighbour in a diphthong or triphthong (dia-rio, viu-da, a-ve-ri-guáis); the same closed vowel twice
 *   is a hiatus (chi-i-ta).
 * - h is silent and does not break a diphthong (prohi-bir, ahu-ma-do); the u of que qui gue gui is
 *   silent (gui-ta-rra, guion), the ü of güe güi is not (pin-güi-no).
 */

const STRONG = new Set(['a', 'e', 'o', 'á', 'é', 'ó', 'í', 'ú']);
const WEAK = new Set(['i', 'u', 'ü']);
const VOWEL = (c: string) => STRONG.has(c) || WEAK.has(c);

export function spanishSyllables(word: string): number {
  let w = word
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^a-zñáéíóúü]/g, '');
  if (!w) return 0;
  if (w === 'y') return 1;
  w = w
    .replace(/h/g, '')
    .replace(/([qg])u(?=[eiéí])/g, '$1')
    // A y after a vowel and before no vowel (hoy, muy, buey, reyes is a consonant) acts as i.
    .replace(/(?<=[aeiouáéíóú])y(?![aeiouáéíóúü])/g, 'i');
  let count = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    if (!VOWEL(c)) continue;
    const prev = i > 0 ? w[i - 1]! : '';
    if (!VOWEL(prev)) {
      count++;
      continue;
    }
    // Two vowels in a row: a new syllable only at a hiatus.
    const hiatus = (STRONG.has(prev) && STRONG.has(c)) || (WEAK.has(prev) && prev === c);
    if (hiatus) count++;
  }
  return Math.max(count, 1);
}
