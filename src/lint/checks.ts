import { basename, extname } from 'node:path';
import type { Audience } from '../config/types.js';
import type { ResolvedOrigins } from '../content/resolve.js';
import type { DataPath } from '../source/yaml-source.js';
import type { ResolvedTopic } from '../content/types.js';
import { Codes } from '../errors/codes.js';
import type { Severity } from '../errors/diagnostic.js';
import { count, sentences, type Counts, type Sentence } from './count.js';
import { isFamiliar, stems } from './familiar.js';
import { scores, type Scores } from './formulas.js';
import type { LintUnit } from './handout-text.js';
import { syllables } from './syllables.js';
import { spanishSyllables } from './spanish-syllables.js';
import { fernandezHuerta, inflesz, sol, szigrisztPazos } from './spanish.js';
import { SMOG_SAMPLE } from './formulas.js';

export const MAX_SENTENCE_WORDS = 25;
/** Placeholder for the audience names in a finding's message (user text cannot contain it). */
export const WHO = '\u0001';
export const MAX_LIST_ITEMS = 7;

/** A finding before it is positioned in the topic file. */
export interface Finding {
  severity: Severity;
  code: string;
  /** WHO stands for the audience names (the same finding for several audiences is reported once). */
  message: string;
  hint: string;
  path: DataPath;
  at?: 'key' | 'value';
  /** Text to find inside the field (a sentence, a word), for a position closer than the field's start. */
  find?: string;
  /** The unit (section id, `(summary)`, `(glossary)`, `(whole handout)`) it is about, for `lint.ignore`. */
  unit?: string;
}

export interface UnitScore {
  id: string;
  title: string;
  counts: Counts;
  scores: Scores;
  /** `no-target`: the audience has no readingGrade; `no-text`: nothing to score; `no-formula`: none for the language.
   * */
  status: 'ok' | 'above-target' | 'no-target' | 'no-text' | 'no-formula';
}

/** Text scored as sentences, each with the field it came from. */
export function unitSentences(unit: LintUnit): { sentence: Sentence; path: DataPath }[] {
  return unit.blocks.flatMap((b) => sentences(b.text).map((sentence) => ({ sentence, path: b.path })));
}

/** Only English and Spanish have formulas here; other languages get none (never the English ones). */
export function formulaFor(lang: string): 'en' | 'es' | 'none' {
  const primary = lang.split('-')[0]!.toLowerCase();
  return primary === 'en' ? 'en' : primary === 'es' ? 'es' : 'none';
}

/** Spanish text counted with the Spanish syllabifier. */
const inSpanish = (list: readonly Sentence[]): Sentence[] =>
  list.map((s) => ({ ...s, words: s.words.map((w) => ({ ...w, syllables: spanishSyllables(w.text) })) }));

export function scoreUnit(
  id: string,
  title: string,
  raw: readonly Sentence[],
  target: number | undefined,
  lang = 'en',
): UnitScore {
  const formula = formulaFor(lang);
  const list = formula === 'es' ? inSpanish(raw) : raw;
  const counts = count(list);
  const s: Scores =
    formula === 'en'
      ? scores(counts)
      : formula === 'es'
        ? (() => {
            const sp = szigrisztPazos(counts);
            return {
              smog: sol(counts),
              fk: fernandezHuerta(counts),
              fre: sp,
              smallSample: counts.sentences < SMOG_SAMPLE,
              formula: 'es' as const,
              ...(sp !== null ? { band: inflesz(sp) } : {}),
            };
          })()
        : { smog: null, fk: null, fre: null, smallSample: false, formula: 'none' as const };
  if (formula === 'none') return { id, title, counts, scores: s, status: counts.sentences ? 'no-formula' : 'no-text' };
  const status =
    s.smog === null ? 'no-text' : target === undefined ? 'no-target' : s.smog > target ? 'above-target' : 'ok';
  return { id, title, counts, scores: s, status };
}

const excerpt = (s: string, max = 70) => (s.length <= max ? s : s.slice(0, max - 1).replace(/\s+\S*$/, '') + '…');
const long = (s: Sentence) => s.words.filter((w) => w.syllables >= 3 && !w.allowed);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const f1 = (n: number | null) => (n === null ? '–' : n.toFixed(1));

/** Above the audience's reading grade (SMOG): names the unit and its hardest sentences. */
export function readabilityFinding(
  unit: LintUnit,
  score: UnitScore,
  list: { sentence: Sentence; path: DataPath }[],
  audience: Audience,
  severity: Severity,
): Finding | undefined {
  if (score.status !== 'above-target') return undefined;
  const hardest = [...list]
    .sort(
      (a, b) => long(b.sentence).length - long(a.sentence).length || b.sentence.words.length - a.sentence.words.length,
    )
    .slice(0, 2);
  const quoted = hardest
    .map((h) => `"${excerpt(h.sentence.text)}" (${plural(long(h.sentence).length, 'long word')})`)
    .join(', ');
  const words = [...new Set(hardest.flatMap((h) => long(h.sentence).map((w) => w.text.toLowerCase())))].slice(0, 6);
  const sample = score.scores.smallSample ? `, small sample of ${plural(score.counts.sentences, 'sentence')}` : '';
  if (score.scores.formula === 'es')
    return {
      severity,
      code: Codes.readability,
      message:
        `"${unit.title}" reads at SOL grade ${f1(score.scores.smog)} (Spanish SMOG; INFLESZ ` +
        `${f1(score.scores.fre)} ${score.scores.band ?? ''}, Fernández-Huerta ${f1(score.scores.fk)}${sample}) for ` +
        `${WHO}, above reading grade ${audience.readingGrade}; hardest: ${quoted}`,
      hint: `use shorter sentences and everyday words${words.length ? `; long words here: ${words.join(', ')}` : ''}`,
      path: hardest[0]?.path ?? unit.path,
      ...(hardest[0] ? { find: hardest[0].sentence.text } : {}),
    };
  return {
    severity,
    code: Codes.readability,
    message:
      `"${unit.title}" reads at SMOG ${f1(score.scores.smog)} (FK ${f1(score.scores.fk)}${sample}) for ${WHO}, ` +
      `above reading grade ${audience.readingGrade}; hardest: ${quoted}`,
    hint: `use shorter sentences and everyday words${words.length ? `; long words here: ${words.join(', ')}` : ''}`,
    path: hardest[0]?.path ?? unit.path,
    ...(hardest[0] ? { find: hardest[0].sentence.text } : {}),
  };
}

export function longSentences(list: { sentence: Sentence; path: DataPath }[], audience: Audience): Finding[] {
  return list
    .filter((s) => s.sentence.words.length > MAX_SENTENCE_WORDS)
    .map((s) => ({
      severity: 'warning' as const,
      code: Codes.longSentence,
      message:
        `sentence of ${s.sentence.words.length} words for ${WHO} (limit ${MAX_SENTENCE_WORDS}): ` +
        `"${excerpt(s.sentence.text)}"`,
      hint: 'split it into shorter sentences, one idea each',
      path: s.path,
      find: s.sentence.text,
    }));
}

export function longLists(unit: LintUnit, audience: Audience): Finding[] {
  return unit.lists
    .filter((l) => l.items > MAX_LIST_ITEMS)
    .map((l) => ({
      severity: 'warning' as const,
      code: Codes.longList,
      message: `list of ${l.items} items in "${unit.title}" for ${WHO} (limit ${MAX_LIST_ITEMS})`,
      hint: `split it into groups of at most ${MAX_LIST_ITEMS}, or keep the most important items`,
      path: l.path,
    }));
}

/**
 * Long words (3+ syllables for reading grade 8 or below, one more per two grades above) that are
 * neither familiar (Dale-Chall list, with inflections) nor defined: by the glossary the handout
 * shows, or right in the text ("rheumatoid arthritis (a kind of joint disease)"). Each word is
 * reported once, in the unit where it first appears.
 */
export function uncommonWords(
  units: readonly { unit: LintUnit; list: { sentence: Sentence; path: DataPath }[] }[],
  glossaryTerms: readonly string[],
  audience: Audience,
  allowed: (word: string) => boolean = () => false,
): Finding[] {
  const grade = audience.readingGrade ?? 8;
  const minSyllables = Math.max(3, Math.ceil(grade / 2) - 1);
  const defined = new Set(glossaryTerms.flatMap((t) => t.toLowerCase().split(/[\s-]+/)).flatMap((w) => stems(w)));
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const { unit, list } of units) {
    const found: string[] = [];
    let first: { path: DataPath; word: string } | undefined;
    for (const { sentence, path: p } of list) {
      explainedInText(sentence).forEach((w) => stems(w).forEach((s) => defined.add(s)));
      for (const w of sentence.words) {
        if (w.syllables < minSyllables || w.allowed || /\d/.test(w.text)) continue;
        // a hyphenated word is as hard as its hardest part ("anti-inflammatory": "inflammatory")
        for (const part of w.text
          .toLowerCase()
          .replace(/['’]s$/, '')
          .split('-')) {
          const forms = stems(part);
          if (forms.some((f) => seen.has(f)) || syllables(part) < minSyllables) continue;
          if (isFamiliar(part, defined) || allowed(part)) continue;
          forms.forEach((f) => seen.add(f));
          found.push(part);
          first ??= { path: p, word: w.text };
        }
      }
    }
    if (found.length) {
      out.push({
        severity: 'warning',
        code: Codes.uncommonWord,
        message: `uncommon words for ${WHO} in "${unit.title}": ${found.join(', ')}`,
        hint:
          'use everyday words, explain them right after use ("word (what it means)"), or define them in the ' +
          'glossary',
        path: first?.path ?? unit.path,
        ...(first ? { find: first.word } : {}),
        unit: unit.id,
      });
    }
  }
  return out;
}

/** Words explained in place: the up to three words right before a parenthesis, "term (meaning)". */
function explainedInText(sentence: Sentence): string[] {
  const out: string[] = [];
  for (const m of sentence.text.matchAll(/([\p{L}\p{N}'’-]+(?:\s+[\p{L}\p{N}'’-]+){0,2})\s*\(/gu))
    out.push(...m[1]!.split(/\s+/));
  return out;
}

export function missingSummary(topic: ResolvedTopic, audience: Audience): Finding[] {
  if (topic.summary !== null) return [];
  return [
    {
      severity: 'warning',
      code: Codes.missingSummary,
      message: `no summary for ${WHO}`,
      hint: 'add a "summary": the main message in one to three short sentences, shown first in the handout',
      path: ['title'],
      at: 'key',
    },
  ];
}

const GENERIC_ALT = new RegExp(
  String.raw`^(?:an?\s+)?(?:image|picture|photo|photograph|figure|fig|graphic|img|diagram|chart|illustration|` +
    String.raw`icon|logo|screenshot)\s*\d*\.?$`,
  'i',
);

/** Alt text that says nothing: a generic word or the file name. (Empty alt fails in resolution.) */
export function placeholderAlt(topic: ResolvedTopic, origins: ResolvedOrigins, audience: Audience): Finding[] {
  return topic.sections.flatMap((s, k) => {
    const alt = s.image?.alt.trim();
    if (!s.image || alt === undefined) return [];
    const file = basename(s.image.src);
    if (!GENERIC_ALT.test(alt) && alt !== file && alt !== basename(file, extname(file))) return [];
    return [
      {
        severity: 'error' as const,
        code: Codes.imageAlt,
        message: `alt text "${alt}" does not describe the image for ${WHO}`,
        hint: 'describe in a few words what the image shows, for readers who cannot see it',
        path: origins.sections[k]!.alt,
        unit: s.id,
      },
    ];
  });
}
