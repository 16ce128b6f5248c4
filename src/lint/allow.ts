import { stems } from './familiar.js';
import type { Sentence } from './count.js';
import { syllables } from './syllables.js';

/**
 * The words an audience's readers know although they are long (config `lint.allow` and the topic's
 * `lint: {allow: [...]}`): case-insensitive, in any inflection ("appointment" allows
 * "Appointments"), each word of a multi-word entry. A hyphenated word is allowed when the whole is,
 * or when every long part is ("blood-thinning": "thinning" listed).
 */
export function allowList(...lists: (readonly string[] | undefined)[]): (word: string) => boolean {
  const known = new Set<string>();
  for (const entry of lists.flatMap((l) => l ?? []))
    for (const w of entry.toLowerCase().split(/\s+/).filter(Boolean)) stems(w).forEach((s) => known.add(s));
  if (!known.size) return () => false;
  const one = (w: string) => stems(w).some((s) => known.has(s));
  return (word) => {
    const w = word.toLowerCase().replace(/['’]s$/, '');
    if (one(w)) return true;
    const parts = w.split('-');
    return parts.length > 1 && parts.every((p) => syllables(p) < 3 || one(p));
  };
}

/** The sentences with every allowed word marked (counted as an ordinary word, never flagged). */
export function markAllowed<T extends { sentence: Sentence }>(list: T[], allowed: (word: string) => boolean): T[] {
  return list.map((x) => ({
    ...x,
    sentence: {
      ...x.sentence,
      words: x.sentence.words.map((w) => (allowed(w.text) ? { ...w, allowed: true } : w)),
    },
  }));
}
