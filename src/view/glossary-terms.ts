/** Finding glossary terms in text: case-insensitive, whole words, simple plurals. */

export interface TermMatch {
  /** Index of the glossary entry. */
  entry: number;
  start: number;
  end: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The singular and plural forms of a word, as far as a simple rule knows them. */
export function wordForms(word: string): string[] {
  const w = word.toLowerCase();
  const forms = new Set([w]);
  if (/[^aeiou]y$/.test(w)) forms.add(w.slice(0, -1) + 'ies');
  else if (/(?:s|x|z|ch|sh)$/.test(w)) forms.add(w + 'es');
  else forms.add(w + 's');
  if (/ies$/.test(w)) forms.add(w.slice(0, -3) + 'y');
  else if (/(?:s|x|z|ch|sh)es$/.test(w)) forms.add(w.slice(0, -2));
  else if (/[^s]s$/.test(w)) forms.add(w.slice(0, -1));
  return [...forms];
}

/** One pattern for a term: its words separated by any whitespace, the last word in any simple form. */
function termPattern(term: string): string {
  const parts = term.trim().split(/\s+/);
  const last = parts.pop()!;
  const lastForms = wordForms(last)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return [...parts.map(escapeRegExp), `(?:${lastForms})`].join('\\s+');
}

/**
 * A matcher for a list of terms. Longer terms win where they overlap ("mesenchymal stem cells"
 * before "stem cells"). A term never matches part of a word or of a hyphenated word.
 */
export function termMatcher(terms: readonly string[]): (text: string) => TermMatch[] {
  const order = terms
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.trim() !== '')
    .sort((a, b) => b.t.length - a.t.length);
  if (!order.length) return () => [];
  const source = order.map(({ t }) => `(${termPattern(t)})`).join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${source})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, 'giu');
  return (text) => {
    const out: TermMatch[] = [];
    for (const m of text.matchAll(re)) {
      const group = m.slice(1).findIndex((g) => g !== undefined);
      out.push({ entry: order[group]!.i, start: m.index, end: m.index + m[0].length });
    }
    return out;
  };
}
