import type { CommandModule } from 'yargs';
import { lint } from '../lint/lint.js';
import type { AudienceReport } from '../lint/lint-topic.js';
import type { UnitScore } from '../lint/checks.js';
import { displayDiagnostic, displayPath } from './display.js';
import { buildDate } from '../build/date.js';
import { formatDue } from '../lint/review.js';
import { reportDiagnostics, type Io } from './io.js';

const list = (v: unknown): string[] | undefined =>
  v === undefined
    ? undefined
    : (Array.isArray(v) ? v : [v])
        .flatMap((s) => String(s).split(','))
        .map((s) => s.trim())
        .filter(Boolean);

export function lintCommand(io: Io, setCode: (c: number) => void): CommandModule {
  return {
    command: 'lint [paths..]',
    describe: 'check reading level and plain language of every topic and audience',
    builder: (y) =>
      y
        .positional('paths', {
          describe: 'topic files or folders (default: the configured content folder)',
          type: 'string',
          array: true,
        })
        .option('audience', {
          alias: 'a',
          type: 'string',
          array: true,
          describe: 'only these audiences (comma-separated or repeated)',
        })
        .option('config', {
          alias: 'c',
          type: 'string',
          describe: 'config file (default: ./deckhand.config.yaml when present)',
        })
        .option('strict', {
          type: 'boolean',
          default: false,
          describe: 'treat every lint warning as an error (exit 1)',
        })
        .option('due', {
          type: 'boolean',
          default: false,
          describe: 'list the topics by their next review date (most overdue first) instead of the readability table',
        })
        .option('json', { type: 'boolean', default: false, describe: 'print the report as JSON on stdout' }),
    handler: async (argv) => {
      const result = await lint({
        cwd: io.cwd,
        paths: list(argv.paths),
        audiences: list(argv.audience),
        strict: argv.strict === true,
        // Review dates are checked against the build date: SOURCE_DATE_EPOCH when set, as in a build.
        today: buildDate(io.env),
        ...(typeof argv.config === 'string' ? { config: argv.config } : {}),
      });
      const shown = {
        ...result,
        reports: result.reports.map((r) => ({ ...r, file: displayPath(r.file, io.cwd) })),
        reviews: result.reviews.map((r) => ({ ...r, file: displayPath(r.file, io.cwd) })),
        diagnostics: result.diagnostics.map((d) => displayDiagnostic(d, io.cwd)),
      };
      if (argv.json) io.out(JSON.stringify(shown, null, 2));
      else {
        if (argv.due) io.out(formatDue(shown.reviews));
        else if (shown.reports.length) io.out(formatTable(shown.reports, io.color));
        // Each finding names its text's language: a topic and its translations are linted side by side.
        reportDiagnostics(io, result.diagnostics, { lang: true });
        if (result.ok && !result.diagnostics.length)
          io.err(
            `lint: ${result.reports.length} handout${result.reports.length === 1 ? '' : 's'} checked, no problems`,
          );
      }
      setCode(result.ok ? 0 : 1);
    },
  };
}

const HEAD = ['topic', 'audience', 'lang', 'section', 'sentences', 'words', 'SMOG', 'FK', 'FRE', 'status'];
const NUMERIC = new Set([4, 5, 6, 7, 8]);

/** The per-section table: one row per scored unit and one for the whole handout, per topic × audience. */
export function formatTable(reports: readonly AudienceReport[], color = false): string {
  const rows: string[][] = [];
  let small = false;
  for (const r of reports) {
    [...r.sections, r.total].forEach((u, i) => {
      small ||= u.scores.smallSample && u.scores.smog !== null;
      rows.push([
        i === 0 ? r.topic : '',
        i === 0 ? r.audience : '',
        i === 0 ? r.lang : '',
        u.id,
        ...cells(u, r.target),
      ]);
    });
  }
  const widths = HEAD.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (NUMERIC.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const paint = (s: string) => (!color ? s : s.replace(/\b(above [\d.]+)$/, '\x1b[33m$1\x1b[0m'));
  const out = [line(HEAD), ...rows.map((row) => paint(line(row)))];
  if (small) out.push('* small sample (fewer than 30 sentences): SMOG normalised to 30 sentences, less reliable');
  return out.join('\n');
}

function cells(u: UnitScore, target: number | null): string[] {
  const n = (v: number | null) => (v === null ? '–' : v.toFixed(1));
  const star = u.scores.smallSample && u.scores.smog !== null ? '*' : ' ';
  const status = {
    ok: `ok (≤ ${target})`,
    'above-target': `above ${target}`,
    'no-target': 'report only',
    'no-text': '–',
    'no-formula': '— (no readability formula for this language)',
  }[u.status];
  // Spanish: SOL (Spanish SMOG) as the grade, Fernández-Huerta and INFLESZ beside it.
  if (u.scores.formula === 'es')
    return [
      String(u.counts.sentences),
      String(u.counts.words),
      `SOL ${n(u.scores.smog)}${star}`,
      `FH ${n(u.scores.fk)} `,
      `INFLESZ ${n(u.scores.fre)} `,
      `${status}${u.scores.band ? ` · ${u.scores.band}` : ''}`,
    ];
  if (u.scores.formula === 'none') return [String(u.counts.sentences), String(u.counts.words), '—', '—', '—', status];
  return [
    String(u.counts.sentences),
    String(u.counts.words),
    n(u.scores.smog) + star,
    n(u.scores.fk) + ' ',
    n(u.scores.fre) + ' ',
    status,
  ];
}
