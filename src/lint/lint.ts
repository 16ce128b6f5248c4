import { checkAudiences } from '../build/settings.js';
import { discoverTopics } from '../content/discover.js';
import { topicProblems } from '../build/load-stage.js';
import { loadConfig } from '../config/load.js';
import { loadTopic } from '../content/load.js';
import { resolveTopic, topicAudiences } from '../content/resolve.js';
import { Codes } from '../errors/codes.js';
import { error, hasErrors, type Diagnostic } from '../errors/diagnostic.js';
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
}

/** `deckhand lint`: loads and resolves every topic × audience like a build, scores and checks, writes nothing. */
export async function lint(options: LintRunOptions = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const { config, diagnostics, fallback } = await loadConfig({
    ...(options.config !== undefined ? { config: options.config } : {}),
    cwd,
  });
  const reports: AudienceReport[] = [];
  if (!config) {
    if (fallback) diagnostics.push(...(await topicProblems(options.paths, fallback.config, fallback.audiences, cwd)));
    return { ok: false, reports, diagnostics };
  }
  const wanted = checkAudiences(options.audiences, config.audiences);
  const found = discoverTopics(options.paths?.length ? options.paths : [config.content], cwd);
  diagnostics.push(...found.diagnostics);
  if (!found.files.length && !found.diagnostics.length) {
    diagnostics.push(
      error(Codes.noTopics, 'no topic files found', {
        file: options.paths?.[0] ?? config.content,
        hint: 'topics are .yaml, .yml or .json files',
      }),
    );
  }
  for (const file of found.files) {
    const { topic, diagnostics: loadProblems } = await loadTopic(file, config, cwd);
    diagnostics.push(...loadProblems);
    if (!topic) continue;
    const resolved: ResolvedForAudience[] = [];
    for (const audience of topicAudiences(topic, config).filter((a) => !wanted || wanted.includes(a.name))) {
      const r = resolveTopic(topic, audience, config);
      diagnostics.push(...r.diagnostics);
      if (r.resolved && r.origins) resolved.push({ audience, resolved: r.resolved, origins: r.origins });
    }
    const out = lintTopic(topic, resolved, config, options);
    reports.push(...out.reports);
    diagnostics.push(...out.diagnostics);
  }
  return { ok: !hasErrors(diagnostics), reports, diagnostics };
}
