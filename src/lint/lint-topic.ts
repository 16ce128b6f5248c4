import { applyGlossary } from '../view/glossary.js';
import type { Audience, ResolvedConfig } from '../config/types.js';
import type { ResolvedOrigins } from '../content/resolve.js';
import type { ResolvedTopic, Topic } from '../content/types.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import {
  longLists,
  longSentences,
  missingSummary,
  formulaFor,
  placeholderAlt,
  readabilityFinding,
  scoreUnit,
  uncommonWords,
  unitSentences,
  WHO,
  type Finding,
  type UnitScore,
} from './checks.js';
import { handoutUnits } from './handout-text.js';
import { englishWords, infleszFinding } from './spanish-checks.js';
import { locateIn } from './position.js';
import { reviewProblems } from './review.js';
import { allowList, markAllowed } from './allow.js';
import { applyIgnores } from './ignore.js';

export interface LintOptions {
  /** Every lint warning becomes an error (a CI gate). */
  strict?: boolean;
  /** The build date, for review dates (default: now). */
  today?: Date;
  /** Every audience of the topic is linted: a lint.ignore entry that silences nothing is reported. */
  allAudiences?: boolean;
}

/** One topic × audience: a score per unit (main message, sections, glossary) and for the whole handout. */
export interface AudienceReport {
  topic: string;
  file: string;
  audience: string;
  /** The language (BCP 47) of the text scored: the topic's, or its translation's. */
  lang: string;
  /** The audience's readingGrade (SMOG target); null: scores are reported, not checked. */
  target: number | null;
  sections: UnitScore[];
  total: UnitScore;
}

export interface ResolvedForAudience {
  audience: Audience;
  resolved: ResolvedTopic;
  origins: ResolvedOrigins;
}

/**
 * Lints the text each audience gets in its handout (glossary mode applied, notes excluded):
 * readability against the audience's reading grade, plain-language checks for audiences that have
 * one, and alt text for every audience. The same finding for several audiences is reported once.
 */
export function lintTopic(
  topic: Topic,
  audiences: readonly ResolvedForAudience[],
  config: Pick<ResolvedConfig, 'lint'> & Partial<Pick<ResolvedConfig, 'review' | 'audiences'>>,
  options: LintOptions = {},
): { reports: AudienceReport[]; diagnostics: Diagnostic[] } {
  const reports: AudienceReport[] = [];
  const findings: { finding: Finding; audience: string }[] = [];
  const readability = options.strict || config.lint.readability === 'error' ? 'error' : 'warning';
  const allowed = allowList(config.lint.allow, topic.data.lint?.allow);
  for (const { audience, resolved, origins } of audiences) {
    const view = applyGlossary(resolved, 'handout', audience.glossary);
    const units = handoutUnits(view, resolved, origins).map((unit) => ({
      unit,
      list: markAllowed(unitSentences(unit), allowed),
    }));
    const target = audience.readingGrade;
    const lang = resolved.lang;
    const formula = formulaFor(lang);
    const sections = units.map(({ unit, list }) =>
      scoreUnit(
        unit.id,
        unit.title,
        list.map((x) => x.sentence),
        target,
        lang,
      ),
    );
    const total = scoreUnit(
      '(whole handout)',
      'Whole handout',
      units.flatMap((u) => u.list.map((x) => x.sentence)),
      target,
      lang,
    );
    reports.push({
      topic: topic.slug,
      file: topic.path,
      audience: audience.name,
      lang,
      target: target ?? null,
      sections,
      total,
    });

    const found: Finding[] = [...placeholderAlt(resolved, origins, audience)];
    if (formula === 'es')
      found.push(...units.flatMap((u) => englishWords(u.list).map((f) => ({ ...f, unit: u.unit.id }))));
    if (target !== undefined) {
      units.forEach(({ unit, list }, i) => {
        const r = readabilityFinding(unit, sections[i]!, list, audience, readability);
        const inUnit = [...(r ? [r] : []), ...longSentences(list, audience), ...longLists(unit, audience)];
        found.push(...inUnit.map((f) => ({ ...f, unit: unit.id })));
      });
      if (formula === 'es') {
        const f = infleszFinding(total, audience, readability);
        if (f) found.push({ ...f, path: origins.summary, unit: '(whole handout)' });
      }
      // The familiar-word list is English: elsewhere the uncommon-word check has nothing to go by.
      if (formula === 'en')
        found.push(
          ...uncommonWords(
            units,
            view.glossary.map((g) => g.term),
            audience,
            allowed,
          ),
        );
      found.push(...missingSummary(resolved, audience).map((f) => ({ ...f, unit: '(summary)' })));
    }
    findings.push(...found.map((finding) => ({ finding, audience: audience.name })));
  }
  const review = reviewProblems(
    topic,
    audiences.map((a) => a.audience),
    { review: config.review, audiences: config.audiences ?? [] },
    options.today ?? new Date(),
    options.strict,
  );
  const kept = applyIgnores(topic, findings, {
    ...(options.allAudiences !== undefined ? { reportUnused: options.allAudiences } : {}),
    ...(options.strict !== undefined ? { strict: options.strict } : {}),
  });
  // Every finding names the language of its text (the topic's, or its translation's).
  const lang = audiences[0]?.resolved.lang ?? topic.data.lang;
  const all = [...merge(topic, kept.findings, options), ...kept.unused, ...review];
  return { reports, diagnostics: lang === undefined ? all : all.map((d) => ({ ...d, lang })) };
}

/** One diagnostic per distinct finding, naming every audience it applies to. */
function merge(
  topic: Topic,
  findings: readonly { finding: Finding; audience: string }[],
  options: LintOptions,
): Diagnostic[] {
  const byKey = new Map<string, { finding: Finding; audiences: string[] }>();
  for (const { finding, audience } of findings) {
    const key = JSON.stringify([
      finding.code,
      finding.severity,
      finding.path,
      finding.at,
      finding.find,
      finding.message,
      finding.hint,
    ]);
    const entry = byKey.get(key);
    if (entry) entry.audiences.push(audience);
    else byKey.set(key, { finding, audiences: [audience] });
  }
  return [...byKey.values()].map(({ finding: f, audiences }) => ({
    severity: options.strict ? 'error' : f.severity,
    code: f.code,
    message: f.message.split(WHO).join(audiences.join(', ')),
    file: topic.path,
    ...locateIn(topic.source, f.path, f.at, f.find),
    hint: f.hint,
  }));
}
