import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic, UsageError } from '../errors/diagnostic.js';

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
