import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic, UsageError } from '../errors/diagnostic.js';

/**
 * What a terminal would act on instead of show: C0 controls but newline and tab (ESC starts every
 * escape sequence; CR and BS overwrite what was printed), DEL, C1 controls (U+009B is a CSI on its
 * own), bidirectional overrides and isolates (they reorder what is shown, "Trojan source"), and
 * the Unicode line and paragraph separators.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
/** The colours deckhand itself paints (see `paint`), and the progress bar's line reset. */
const COLOURS = /\u001b\[(?:0|1|2|31|32|33|36)m/g;
const COLOURS_AND_RESET = /\u001b\[(?:0|1|2|31|32|33|36)m|^\r\u001b\[2K/g;
const LINE_RESET = /^\r\u001b\[2K/g;

/**
 * The one escaping point of everything printed: topic text, file names, template output in a
 * message, an exception's text. A topic must not clear the screen, set the window title, print a
 * fake hyperlink or erase the error line above. Each control character shows as `\u001b` (the
 * JSON spelling, so --json stays valid JSON with the same meaning). With colours on, deckhand's
 * own colour codes are kept and only those; with NO_COLOR, CI=true or a pipe, none are.
 */
export function escapeControls(text: string, keep?: 'colours' | 'line reset' | 'both'): string {
  const escape = (s: string) => s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (!keep) return escape(text);
  const own = keep === 'colours' ? COLOURS : keep === 'both' ? COLOURS_AND_RESET : LINE_RESET;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(own)) {
    out += escape(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + escape(text.slice(last));
}

/**
 * The library speaks in absolute paths and option names; what the terminal shows is shorter: paths
 * relative to the working directory where they are inside it, and options by their flags.
 */

/** A path relative to the working directory when inside it (the directory itself stays absolute). */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  // `..` or `../…` is outside; a folder named `..cache` is not.
  return rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel) ? rel : path;
}

/** The flag of each build or lint option a message may be about. */
const FLAGS: Record<string, string> = {
  jobs: '--jobs',
  shard: '--shard',
  config: '-c/--config',
  out: '-o',
  port: '--port',
};
/** How a hint about an option ends, naming its flag. */
const HINT_ENDINGS: Record<string, string> = { out: ' with -o', config: ' to -c/--config' };

/** A diagnostic as the terminal (and --json) shows it: short paths, flags named. */
export function displayDiagnostic(d: Diagnostic, cwd: string = process.cwd()): Diagnostic {
  const { option, ...rest } = d;
  const inside = cwd.endsWith(sep) ? cwd : cwd + sep;
  const shorten = (text: string) => text.split(inside).join('');
  const shown: Diagnostic = { ...rest, message: shorten(d.message) };
  if (d.file !== undefined) shown.file = displayPath(d.file, cwd);
  if (d.hint !== undefined) shown.hint = shorten(d.hint) + (option ? (HINT_ENDINGS[option] ?? '') : '');
  return shown;
}

/** A usage error's text with the flag in place of the option's name, and short paths. */
export function usageText(e: UsageError, cwd: string): string {
  const flag = e.option ? FLAGS[e.option] : undefined;
  const text = flag ? `${flag} ${e.detail}` : e.message;
  return text.split(cwd.endsWith(sep) ? cwd : cwd + sep).join('');
}
