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

export interface LintOptions {
  /** Every lint warning becomes an error (a CI gate). */
  strict?: boolean;
  /** The build date, for review dates (default: now). */
  today?: Date;
}

/** One topic × audience: a score per unit (main message, sections, glossary) and for the whole handout. */
export interface AudienceReport {
  topic: string;
  file: string;
  audience: string;
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
  for (const { audience, resolved, origins } of audiences) {
    const view = applyGlossary(resolved, 'handout', audience.glossary);
    const units = handoutUnits(view, resolved, origins).map((unit) => ({ unit, list: unitSentences(unit) }));
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
      target: target ?? null,
      sections,
      total,
    });

    const found: Finding[] = [...placeholderAlt(resolved, origins, audience)];
    if (formula === 'es') found.push(...englishWords(units.flatMap((u) => u.list)));
    if (target !== undefined) {
      units.forEach(({ unit, list }, i) => {
        const r = readabilityFinding(unit, sections[i]!, list, audience, readability);
        if (r) found.push(r);
        found.push(...longSentences(list, audience), ...longLists(unit, audience));
      });
      if (formula === 'es') {
        const f = infleszFinding(total, audience, readability);
        if (f) found.push({ ...f, path: origins.summary });
      }
      // The familiar-word list is English: elsewhere the uncommon-word check has nothing to go by.
      if (formula === 'en')
        found.push(
          ...uncommonWords(
            units,
            view.glossary.map((g) => g.term),
            audience,
          ),
        );
      found.push(...missingSummary(resolved, audience));
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
  return { reports, diagnostics: [...merge(topic, findings, options), ...review] };
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
