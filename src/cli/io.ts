import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../errors/diagnostic.js';
import { summarise } from './summarise.js';
import { displayDiagnostic, escapeControls } from './display.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stderr without a newline (the progress bar redraws its line). */
  errRaw(text: string): void;
  /** Colours on (a TTY and no NO_COLOR). */
  color: boolean;
  /** stderr is a terminal and not CI: progress bar and summary table instead of one line per artifact. */
  interactive: boolean;
  /** Terminal width. */
  columns: number;
  /** The working directory: relative paths in arguments start there, and messages show paths from it. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Standard input as text (`deckhand print --data -`); absent: no input. */
  stdin?: () => Promise<string>;
}

export const processIo = (): Io => {
  const tty = Boolean(process.stderr.isTTY) && process.env.CI !== 'true';
  return {
    out: (t) => void process.stdout.write(t + '\n'),
    err: (t) => void process.stderr.write(t + '\n'),
    errRaw: (t) => void process.stderr.write(t),
    color: tty && !process.env.NO_COLOR,
    interactive: tty,
    columns: process.stderr.columns || 80,
    cwd: process.cwd(),
    env: process.env,
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
};

export const paint = (on: boolean, code: number, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** Every diagnostic of the run, sorted, then a count line. */
export function reportDiagnostics(io: Io, diagnostics: readonly Diagnostic[], options: { lang?: boolean } = {}): void {
  for (const d of summarise(sortDiagnostics(diagnostics.map((d) => displayDiagnostic(d, io.cwd))))) {
    const text = typeof d === 'string' ? d : formatDiagnostic(d, options);
    io.err(
      io.color
        ? text.replace(/ {2}(error|warning) {2}/, (_m, s: string) => `  ${paint(true, s === 'error' ? 31 : 33, s)}  `)
        : text,
    );
  }
  if (diagnostics.length) io.err(countLine(diagnostics));
}

/** `2 errors, 1 warning`. */
export function countLine(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** An Io whose every line goes through `escapeControls` (colours kept only when the Io paints). */
export function safeIo(io: Io): Io {
  return {
    ...io,
    out: (t) => io.out(escapeControls(t)),
    err: (t) => io.err(escapeControls(t, io.color ? 'colours' : undefined)),
    errRaw: (t) => io.errRaw(escapeControls(t, io.color ? 'both' : 'line reset')),
  };
}
