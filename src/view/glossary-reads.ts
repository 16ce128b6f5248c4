/**
 * Whether an inline definition reads well where a term is used, and in which form. The glossary
 * writes "term (definition)" only where a reader gains from it:
 * - not where the sentence already explains the term: "X (…", "X, which is …", "X means …",
 *   "X is a …", "X, a …", "X — a …", or the rest of the sentence uses a word of the definition
 *   ("your immune system keeps you safe from germs" for "the parts of your body that fight germs");
 * - not inside parentheses: "(INR (a blood test …))" never happens;
 * - in the number of the text: "clinical trials (research studies in people)" for the term
 *   "clinical trial" defined as "a research study in people"; where no agreeing form can be made
 *   (a plural definition for a singular use), no definition at that use.
 * A term not defined inline stays in the "Words to know" list, so nothing is lost.
 */

/** How far after a term the sentence is read (bounded: a long paragraph stays linear). */
const WINDOW = 240;

const EXPLAINED = [
  /^\s*\(/,
  /^\s*(?:,|—|–|:|--)\s*(?:which|who|that is|i\.e\.|meaning|or|also called|a|an|the)\b/i,
  /^\s*(?:—|–|--)\s/,
  /^\s+(?:means?|meaning|refers? to|(?:is|are) (?:called|a|an|the|when|how|what|where))\b/i,
  /^\s+(?:is|are|was|were)\s+(?:defined|known)\s+as\b/i,
];

/** Words of a definition too common to say that the sentence explains the term. */
const COMMON = new Set(
  (
    'that this with from your they them their have been into other some more most when what which where there ' +
    'these those about also very than then thing things kind kinds type types part parts make makes made help ' +
    'helps used uses using does like many much each every such only just can will would could should'
  ).split(' '),
);

/** A word's rough root, so that "tests" and "tested" meet "test". */
function root(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && /(?:ing|ed)$/.test(w)) return w.replace(/(?:ing|ed)$/, '').replace(/e$/, '');
  if (w.length > 4 && /(?:[^s]s|es)$/.test(w)) return w.replace(/e?s$/, '').replace(/e$/, '');
  return w.replace(/e$/, '');
}

const wordsOf = (text: string) => text.match(/[\p{L}\p{N}'’]+/gu) ?? [];

/**
 * The sentence right after a term (from `end`) already says what the term is or does.
 * `term` is the glossary term (its own words do not count as explaining it).
 */
export function explainedHere(text: string, end: number, term: string, definition: string): boolean {
  const after = text.slice(end, end + WINDOW);
  if (EXPLAINED.some((re) => re.test(after))) return true;
  const own = new Set(wordsOf(term).map(root));
  const meaning = new Set(
    wordsOf(definition)
      .filter((w) => w.length >= 4 && !COMMON.has(w.toLowerCase()))
      .map(root)
      .filter((r) => !own.has(r)),
  );
  if (!meaning.size) return false;
  const rest = /^[^.!?\n]*/.exec(after)![0];
  return wordsOf(rest).some((w) => meaning.has(root(w)));
}

/** A tracker of open parentheses in prose (hidden markup, `\0`, ignored; a blank line closes all). */
export function parenthesisDepth(mask: string): (at: number) => number {
  let pos = 0;
  let depth = 0;
  return (at) => {
    // Matches come in order: one pass over the text in all.
    for (; pos < at && pos < mask.length; pos++) {
      const c = mask[pos]!;
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (c === '\n' && mask[pos + 1] === '\n') depth = 0;
    }
    return depth;
  };
}

const IRREGULAR: Readonly<Record<string, string>> = {
  child: 'children',
  person: 'people',
  man: 'men',
  woman: 'women',
  foot: 'feet',
  tooth: 'teeth',
  mouse: 'mice',
  life: 'lives',
  knife: 'knives',
};

function pluralOf(word: string): string {
  const w = word.toLowerCase();
  const p =
    IRREGULAR[w] ?? (/[^aeiou]y$/.test(w) ? w.slice(0, -1) + 'ies' : /(?:s|x|z|ch|sh)$/.test(w) ? w + 'es' : w + 's');
  return word === word.toUpperCase() && word.length > 1 ? p.toUpperCase() : p;
}

/** Words that end the head noun phrase of "a … <noun> <word> …". */
const AFTER_HEAD = new Set(
  'that which who whom whose where when in of with for to from on at by used made given taken or and as like'.split(
    ' ',
  ),
);

/** The verb after a relative pronoun, in the plural: "checks" → "check", "is" → "are". */
function pluralVerb(verb: string): string {
  const v = verb.toLowerCase();
  const known: Record<string, string> = { is: 'are', was: 'were', has: 'have', does: 'do', goes: 'go' };
  if (known[v]) return known[v]!;
  if (/(?:ss|us|is)$/.test(v) || v.length < 3) return verb;
  if (/[^aeiou]ies$/.test(v)) return verb.slice(0, -3) + 'y';
  if (/(?:sh|ch|x|z|ss)es$/.test(v)) return verb.slice(0, -2);
  if (v.endsWith('s')) return verb.slice(0, -1);
  return verb;
}

/**
 * The definition phrase in the number of the term as the text uses it, or null when none can be
 * made. `termLast` is the glossary term's last word, `usedLast` the text's.
 */
export function agreeingPhrase(termLast: string, usedLast: string, phrase: string): string | null {
  if (termLast.toLowerCase() === usedLast.toLowerCase()) return phrase;
  // The text uses the plural of a singular term: "a research study in people" → "research studies in people".
  if (pluralOf(termLast).toLowerCase() !== usedLast.toLowerCase()) return null;
  const m = /^(?:a|an|one)\s+(.*)$/is.exec(phrase);
  if (!m) return null;
  const words = m[1]!.split(' ');
  let head = words.findIndex((w, i) => i > 0 && AFTER_HEAD.has(w.toLowerCase().replace(/[,;:]$/, '')));
  if (head < 0) head = words.length;
  head -= 1;
  const noun = words[head]!;
  const bare = noun.replace(/[,;:]$/, '');
  if (!/^[\p{L}-]+$/u.test(bare)) return null;
  words[head] = pluralOf(bare) + noun.slice(bare.length);
  const rel = words[head + 1]?.toLowerCase();
  if ((rel === 'that' || rel === 'which' || rel === 'who') && words[head + 2])
    words[head + 2] = pluralVerb(words[head + 2]!);
  return words.join(' ');
}
