import { syllable } from 'syllable';

/**
 * Words the `syllable` heuristic gets wrong (checked against the CMU Pronouncing Dictionary;
 * see shared/reference/handout-quality.md §1.5), and abbreviations read out in full (SMOG's rule).
 * Keys are lower-case, possessive `'s` removed.
 */
const EXCEPTIONS: Readonly<Record<string, number>> = {
  // heuristic undercounts
  autoimmune: 4,
  diabetes: 4,
  every: 3,
  everything: 3,
  everyday: 3,
  science: 2,
  sciences: 3,
  scientist: 3,
  scientists: 3,
  scientific: 4,
  poem: 2,
  poems: 2,
  poet: 2,
  ideas: 3,
  area: 3,
  areas: 3,
  doing: 2,
  going: 2,
  agreeing: 3,
  continuing: 4,
  coordinate: 4,
  cooperate: 4,
  differentiate: 5,
  reenter: 3,
  nurses: 2,
  ruin: 2,
  cruel: 2,
  fuel: 2,
  fire: 2,
  fires: 2,
  hour: 2,
  hours: 2,
  cliche: 2,
  cliché: 2,
  twentieth: 3,
  million: 2,
  billion: 2,
  trillion: 2,
  nineteen: 2,
  ninety: 2,
  // heuristic overcounts
  safety: 2,
  lifetime: 2,
  therefore: 2,
  helped: 1,
  walked: 1,
  talked: 1,
  seeing: 2,
  surgeon: 2,
  surgeons: 2,
  // abbreviations, as read aloud
  mg: 3, // milligrams
  ml: 4, // milliliters
  kg: 3, // kilograms
  cm: 4, // centimeters
  mm: 4, // millimeters
  'e.g': 4, // for example
  'i.e': 2, // that is
  etc: 4, // et cetera
  vs: 2, // versus
  dr: 2, // doctor
  mr: 2, // mister
  mrs: 2, // missus
};

const ONES = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1]; // zero … nine
const TEENS = [1, 3, 1, 2, 2, 2, 2, 3, 2, 2]; // ten … nineteen
const TENS = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2]; // -, -, twenty … ninety
const SCALES = [0, 2, 2, 2, 2, 2]; // -, thousand, million, billion, trillion, quadrillion
const HUNDRED = 2;

/** Syllables of a whole number said in English ("2026" = two thousand twenty-six = 6). */
function integerSyllables(digits: string): number {
  const n = digits.replace(/^0+(?=\d)/, '');
  if (n === '0') return ONES[0]!;
  if (n.length > 18) return [...n].reduce((s, d) => s + ONES[Number(d)]!, 0); // read digit by digit
  let total = 0;
  const groups: string[] = [];
  for (let end = n.length; end > 0; end -= 3) groups.unshift(n.slice(Math.max(0, end - 3), end));
  groups.forEach((g, i) => {
    const v = Number(g);
    if (v === 0) return;
    total += belowThousand(v) + SCALES[groups.length - 1 - i]!;
  });
  return total;
}

function belowThousand(v: number): number {
  let s = 0;
  const h = Math.floor(v / 100);
  const rest = v % 100;
  if (h) s += ONES[h]! + HUNDRED;
  if (rest >= 20) s += TENS[Math.floor(rest / 10)]! + (rest % 10 ? ONES[rest % 10]! : 0);
  else if (rest >= 10) s += TEENS[rest - 10]!;
  else if (rest > 0) s += ONES[rest]!;
  return s;
}

/** A number token as read aloud: `12.5` = twelve point five, `1,000` = one thousand, `3rd` = third. */
function numberSyllables(token: string): number {
  const m = /^(\d[\d,]*)(?:\.(\d+))?(st|nd|rd|th)?$/i.exec(token);
  if (!m) return [...token].filter((c) => /\d/.test(c)).reduce((s, d) => s + ONES[Number(d)]!, 0) || 1;
  let total = integerSyllables(m[1]!.replace(/,/g, ''));
  if (m[2]) total += 1 + [...m[2]].reduce((s, d) => s + ONES[Number(d)]!, 0); // "point" + digits
  if (m[3]) {
    const last2 = Number(m[1]!.replace(/,/g, '')) % 100;
    if (last2 % 10 === 2 && last2 !== 12)
      total += 1; // two → second
    else if (last2 >= 20 && last2 % 10 === 0) total += 1; // twenty → twentieth
  }
  return total;
}

/**
 * Syllables of one word token. Numbers are counted as they are read, hyphenated words as the sum of
 * their parts ("seventy-two" is polysyllabic, SMOG's rule), everything else by the `syllable`
 * heuristic corrected by a small exceptions list. Never 0 for a word.
 */
export function syllables(word: string): number {
  // The same words recur across sections, audiences and topics; the heuristic is the costly part of lint.
  let n = memo.get(word);
  if (n === undefined) {
    if (memo.size >= 50_000) memo.clear();
    memo.set(word, (n = count(word)));
  }
  return n;
}

const memo = new Map<string, number>();

function count(word: string): number {
  const w = word.replace(/’/g, "'").replace(/'s$/i, '').toLowerCase();
  if (w === '') return 1;
  if (/^\d/.test(w) && /^[\d.,]+(?:st|nd|rd|th)?$/.test(w)) return numberSyllables(w);
  const known = EXCEPTIONS[w];
  if (known !== undefined) return known;
  if (w.includes('-'))
    return (
      w
        .split('-')
        .filter(Boolean)
        .reduce((s, part) => s + syllables(part), 0) || 1
    );
  if (/^\d/.test(w) || /\d/.test(w)) {
    // letters and digits mixed without a hyphen ("h2o", "b12"): letters by the heuristic, digits as read
    return w
      .split(/(\d+)/)
      .filter(Boolean)
      .reduce((s, part) => s + (/^\d/.test(part) ? numberSyllables(part) : Math.max(1, syllable(part))), 0);
  }
  return Math.max(1, syllable(w));
}
