import type { Topic } from '../content/types.js';
import { Codes } from '../errors/codes.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import type { Finding } from './checks.js';

type Audited = { finding: Finding; audience: string };

/**
 * The topic's `lint: {ignore: [{code, section?, audience?, reason?}]}`: a finding is silenced where it
 * occurs — its code, in that section (the id the lint table shows: a section id, `(summary)`,
 * `(glossary)`, `(whole handout)`), for that audience. A YAML comment cannot do this: inside a block
 * scalar (`body: |`) a `#` line is text, and JSON has no comments. An entry that silences nothing is
 * reported (`DH_LINT_IGNORE`, positioned at the entry), so a stale one does not hide a later finding;
 * only when every audience was linted (`reportUnused`), else it may belong to one left out.
 */
export function applyIgnores(
  topic: Topic,
  findings: readonly Audited[],
  options: { reportUnused?: boolean; strict?: boolean } = {},
): { findings: Audited[]; unused: Diagnostic[] } {
  const entries = topic.data.lint?.ignore ?? [];
  if (!entries.length) return { findings: [...findings], unused: [] };
  const used = new Set<number>();
  const kept = findings.filter(({ finding, audience }) => {
    const i = entries.findIndex(
      (e) =>
        e.code === finding.code &&
        (e.section === undefined || e.section === finding.unit) &&
        (e.audience === undefined || e.audience === audience),
    );
    if (i < 0) return true;
    used.add(i);
    return false;
  });
  if (!options.reportUnused) return { findings: kept, unused: [] };
  const unused = entries.flatMap((e, i): Diagnostic[] =>
    used.has(i)
      ? []
      : [
          {
            severity: options.strict ? 'error' : 'warning',
            code: Codes.lintIgnore,
            message: `lint.ignore entry ${e.code}${e.section ? ` in "${e.section}"` : ''}${
              e.audience ? ` for ${e.audience}` : ''
            } silences nothing: no such finding`,
            file: topic.path,
            ...topic.source.locate(['lint', 'ignore', i], 'value'),
            hint: 'remove the entry, or check its code and section id (deckhand lint shows both for every finding)',
          },
        ],
  );
  return { findings: kept, unused };
}
