/** A problem found in the user's input (content, config, templates) or a warning about it. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable code, e.g. `DH_SCHEMA`; see codes.ts. */
  code: string;
  message: string;
  /** Absolute path of the file (the CLI shows it relative to the working directory). */
  file?: string;
  /** 1-based line and column. */
  line?: number;
  col?: number;
  /** One short sentence that says how to fix it. */
  hint?: string;
  /**
   * The build or lint option the hint is about (`out`, `config`): the CLI names its flag there
   * ("… or pick another output folder with -o"). The library itself never names CLI flags.
   */
  option?: string;
  /** The language (BCP 47) of the text a lint finding is about: a topic's, or its translation's. */
  lang?: string;
}

export function error(code: string, message: string, where: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: 'error', code, message, ...where };
}

export function warning(code: string, message: string, where: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: 'warning', code, message, ...where };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `path:line:col  error  message  [CODE]`, the format editors and terminals turn into links. */
export function formatLocation(d: Diagnostic): string {
  if (!d.file) return '<input>';
  if (d.line === undefined) return d.file;
  return `${d.file}:${d.line}:${d.col ?? 1}`;
}

export function formatDiagnostic(d: Diagnostic, options: { lang?: boolean } = {}): string {
  const lang = options.lang && d.lang ? ` (${d.lang})` : '';
  const head = `${formatLocation(d)}  ${d.severity}  ${d.message}  [${d.code}]${lang}`;
  return d.hint ? `${head}\n    hint: ${d.hint}` : head;
}

/** By file, then position, so a report reads top to bottom (errors and warnings together). */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0),
  );
}

/**
 * A mistake in how deckhand was called (bad option value, bad SOURCE_DATE_EPOCH): exit code 2.
 * `option` names the option it is about (`jobs`, `shard`): the message then starts with it, and the
 * CLI puts the flag's name in its place.
 */
export class UsageError extends Error {
  readonly code = 'DH_USAGE';
  constructor(
    message: string,
    readonly option?: string,
  ) {
    super(option ? `${option} ${message}` : message);
    this.name = 'UsageError';
  }

  /** The message without the option's name (when it has one). */
  get detail(): string {
    return this.option ? this.message.slice(this.option.length + 1) : this.message;
  }
}
