import { basename, dirname, extname, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { selectAudiences } from '../config/select.js';
import { findTopics } from '../content/discover.js';
import { loadTopics, topicProblems } from '../content/load-topics.js';
import { Codes } from '../errors/codes.js';
import { resolveTopic, topicAudiences } from '../content/resolve.js';
import { hasErrors, type Diagnostic } from '../errors/diagnostic.js';
import { mathProblems } from './math.js';
import { reviewDates, type ReviewDates } from './review.js';
import { lintTopic, type AudienceReport, type LintOptions, type ResolvedForAudience } from './lint-topic.js';

export interface LintRunOptions extends LintOptions {
  /** Topic files or folders; default: the configured content folder. */
  paths?: string[];
  /** Only these audiences (must be configured). */
  audiences?: string[];
  /** Config file; default: ./deckhand.config.yaml when present. */
  config?: string;
  cwd?: string;
}

export interface LintResult {
  /** No errors (warnings allowed). */
  ok: boolean;
  reports: AudienceReport[];
  diagnostics: Diagnostic[];
  /** Every topic's review dates (for `--due`). */
  reviews: ReviewDates[];
}

/** `deckhand lint`: loads and resolves every topic × audience like a build, scores and checks, writes nothing. */
export async function lint(options: LintRunOptions = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const paths = options.paths?.length ? options.paths.map((p) => resolve(cwd, p)) : undefined;
  const { config, diagnostics, fallback } = await loadConfig({
    ...(options.config !== undefined ? { config: options.config } : {}),
    cwd,
  });
  const reports: AudienceReport[] = [];
  const reviews: ReviewDates[] = [];
  if (!config) {
    if (fallback) diagnostics.push(...(await topicProblems(paths, fallback.config, fallback.audiences)));
    return { ok: false, reports, diagnostics, reviews: [] };
  }
  const wanted = selectAudiences(options.audiences, config.audiences);
  const found = findTopics(paths, config.content);
  diagnostics.push(...found.diagnostics);
  for (const file of found.files) {
    // One topic at a time (with its translations): a big library is never held in memory at once.
    const mine = found.translations.filter(
      (t) => t.slug === basename(file, extname(file)) && dirname(t.path) === dirname(file),
    );
    const { topics, diagnostics: loadProblems } = await loadTopics([file], config, mine);
    // A translation older than its source fails --strict (a warning otherwise).
    diagnostics.push(
      ...loadProblems.map((d) =>
        options.strict && d.code === Codes.translationStale ? { ...d, severity: 'error' as const } : d,
      ),
    );
    const source = topics[0];
    if (!source) continue;
    for (const topic of [source, ...(source.translations ?? [])]) {
      const resolved: ResolvedForAudience[] = [];
      for (const audience of topicAudiences(topic, config).filter((a) => !wanted || wanted.includes(a.name))) {
        const r = resolveTopic(topic, audience, config);
        diagnostics.push(...r.diagnostics);
        if (r.resolved && r.origins) resolved.push({ audience, resolved: r.resolved, origins: r.origins });
      }
      const out = lintTopic(topic, resolved, config, { ...options, allAudiences: !wanted });
      reports.push(...out.reports);
      diagnostics.push(...out.diagnostics);
    }
    reviews.push(reviewDates(source, config, options.today ?? new Date()));
    diagnostics.push(...(await mathProblems(source)));
  }
  return { ok: !hasErrors(diagnostics), reports, diagnostics, reviews };
}
