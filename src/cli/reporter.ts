import type { BuildResult, ProgressEvent } from '../build/types.js';
import { displayDiagnostic } from './display.js';
import { formatBytes, formatPages, totalsLine } from './format.js';
import { UsageError } from '../errors/diagnostic.js';
import { annotation, annotations } from './github-annotations.js';
import { countLine, paint, reportDiagnostics, type Io } from './io.js';
import { summaryTable } from './summary-table.js';

/**
 * How a build reports: a redrawn bar and a table on a terminal, a line per artifact in CI and logs, one
 * JSON document, or (`--reporter github`) lines as in CI with the problems as GitHub annotations on stdout.
 */
export type ReportMode = 'tty' | 'plain' | 'json' | 'github';

/** The names `--reporter` accepts. */
export const REPORTERS = ['default', 'github'] as const;

export interface Reporter {
  onProgress(event: ProgressEvent): void;
  finish(result: BuildResult): void;
}

export function reportMode(io: Io, flags: { json?: boolean; quiet?: boolean; reporter?: string }): ReportMode {
  if (flags.reporter === 'github') {
    if (flags.json) throw new UsageError('--reporter github and --json both print on stdout; use one of them');
    return 'github';
  }
  return flags.json ? 'json' : io.interactive && !flags.quiet ? 'tty' : 'plain';
}

export function createReporter(io: Io, mode: ReportMode): Reporter {
  if (mode === 'json')
    return { onProgress: () => {}, finish: (result) => io.out(JSON.stringify(jsonResult(result, io.cwd), null, 2)) };
  const bar = mode === 'tty' ? progressBar(io) : undefined;
  return {
    onProgress(event) {
      if (bar) return bar.update(event);
      // --check lists what is out of date once, at the end; what is current is only counted.
      if (event.type === 'artifact' && !CHECK_STATUSES.has(event.artifact.status)) io.err(artifactLine(event.artifact));
    },
    finish(result) {
      bar?.clear();
      const check = result.check;
      if (bar && !check) for (const line of summaryTable(result.artifacts, io.columns)) io.err(line);
      for (const path of result.removed) io.err(`removed    ${path}`);
      if (mode === 'github') {
        for (const line of annotations(result.diagnostics, io.cwd, io.env.GITHUB_WORKSPACE)) io.out(line);
        if (result.diagnostics.length) io.err(countLine(result.diagnostics));
      } else reportDiagnostics(io, result.diagnostics);
      const outOfDate = [
        ...(check?.stale ?? []).map((p) => `stale      ${p}`),
        ...(check?.missing ?? []).map((p) => `missing    ${p}`),
      ];
      for (const line of outOfDate) io.err(line);
      if (check && outOfDate.length) {
        const summary = checkSummary(result);
        io.err(paint(io.color, 31, summary));
        if (mode === 'github') io.out(annotation('error', 'deckhand build --check', summary));
      } else if (result.ok) io.err(totalsLine(result, io.cwd));
    },
  };
}

const CHECK_STATUSES = new Set<string>(['current', 'stale', 'missing']);

/** The one line --check ends with when something is out of date. */
export function checkSummary(result: BuildResult): string {
  const stale = result.check?.stale.length ?? 0;
  const missing = result.check?.missing.length ?? 0;
  const n = stale + missing;
  const topics = new Set(result.artifacts.map((a) => a.topic)).size;
  return (
    `${n} of ${result.artifacts.length} artifact${result.artifacts.length === 1 ? '' : 's'} out of date ` +
    `(${stale} stale, ${missing} missing) in ${topics} topic${topics === 1 ? '' : 's'}: run "deckhand build" and ` +
    `commit the result`
  );
}

/** `written    topic/audience/slides.html  (12.3 KiB, 10 slides)`: plain text, no control characters. */
export function artifactLine(a: BuildResult['artifacts'][number]): string {
  const detail =
    a.status === 'missing' ? '' : `  (${[formatBytes(a.bytes), formatPages(a)].filter(Boolean).join(', ')})`;
  return `${a.status.padEnd(10)} ${a.path}${detail}`;
}

/** The --json document: the result with diagnostics split into errors and warnings. */
export function jsonResult(result: BuildResult, cwd: string) {
  const { ok, outDir, artifacts, diagnostics, timings, check, removed, threads } = result;
  return {
    ok,
    outDir,
    artifacts,
    errors: diagnostics.filter((d) => d.severity === 'error').map((d) => displayDiagnostic(d, cwd)),
    warnings: diagnostics.filter((d) => d.severity === 'warning').map((d) => displayDiagnostic(d, cwd)),
    ...(check ? { check } : {}),
    removed,
    timings,
    threads,
  };
}

/** One line, redrawn in place at most every 80 ms: `[█████░░░░░] 12/30  topic/audience`. */
function progressBar(io: Io) {
  let total = 0;
  let done = 0;
  let current = '';
  let last = 0;
  let drawn = false;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - last < 80) return;
    last = now;
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : 0;
    const bar = paint(io.color, 36, '█'.repeat(filled)) + '░'.repeat(width - filled);
    const text = `${bar} ${done}/${total}  ${current}`;
    io.errRaw(`\r\x1b[2K${text.slice(0, io.columns - 1 + (io.color ? 9 : 0))}`);
    drawn = true;
  };
  return {
    update(event: ProgressEvent) {
      if (event.type === 'plan') total = event.total;
      else if (event.type === 'render') current = `${event.topic}/${event.audience}`;
      else done = event.done;
      draw(event.type === 'plan' || (event.type === 'artifact' && event.done === event.total));
    },
    clear() {
      if (drawn) io.errRaw('\r\x1b[2K');
    },
  };
}
