import { daleChall } from 'dale-chall';

/**
 * Everyday words of three or more syllables that the New Dale-Chall list (a 4th-grade list of
 * 2,942 words) lacks. Kept short on purpose: the check is about jargon, not about common words.
 */
const EVERYDAY = [
  'example',
  'usual',
  'actual',
  'especially',
  'probably',
  'various',
  'energy',
  'whatever',
  'wherever',
  'video',
  'area',
  'camera',
  'memory',
  'quantity',
  'vitamin',
  'exercise',
];

const FAMILIAR = new Set([...daleChall, ...EVERYDAY]);

/**
 * A word and the forms it may be inflected from: plurals, -ed, -ing, -er/-est, -ly, -ness, -ful,
 * "un-" (so "helped", "studies" and "carefully" count as the list's "help", "study", "care").
 */
export function stems(word: string, depth = 2): string[] {
  const w = word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
  const out = new Set([w]);
  const add = (s: string) => {
    if (s.length >= 2) out.add(s);
  };
  const undouble = (s: string) => (/([b-df-hj-np-tv-z])\1$/.test(s) ? s.slice(0, -1) : s);
  if (w.endsWith('ies')) add(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) add(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) add(w.slice(0, -1));
  if (w.endsWith('ied')) add(w.slice(0, -3) + 'y');
  if (w.endsWith('ed')) [w.slice(0, -2), w.slice(0, -1), undouble(w.slice(0, -2))].forEach(add);
  if (w.endsWith('ing')) [w.slice(0, -3), w.slice(0, -3) + 'e', undouble(w.slice(0, -3))].forEach(add);
  if (w.endsWith('er')) [w.slice(0, -2), w.slice(0, -1), undouble(w.slice(0, -2))].forEach(add);
  if (w.endsWith('est')) [w.slice(0, -3), w.slice(0, -2)].forEach(add);
  if (w.endsWith('ily')) add(w.slice(0, -3) + 'y');
  if (w.endsWith('ly')) add(w.slice(0, -2));
  if (w.endsWith('ness')) add(w.slice(0, -4));
  if (w.endsWith('ful')) add(w.slice(0, -3));
  if (w.startsWith('un')) add(w.slice(2));
  if (depth > 1) for (const s of [...out]) if (s !== w) for (const t of stems(s, depth - 1)) out.add(t);
  return [...out];
}

/** In the familiar-word list, directly or through one of its stems. */
export function isFamiliar(word: string, extra: ReadonlySet<string> = new Set()): boolean {
  return stems(word).some((s) => FAMILIAR.has(s) || extra.has(s));
}
