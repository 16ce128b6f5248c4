import { relative, sep } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../errors/diagnostic.js';
import { displayDiagnostic } from './display.js';

/**
 * GitHub workflow commands (`::error file=…,line=…,col=…,title=…::message`): the runner turns each into
 * an annotation on the pull request, at the line. Escaped as the runner decodes them (the rules of
 * @actions/core): in the message `%`, CR and LF; in a property also `:` and `,`, which end a property.
 */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command per diagnostic. `file` is relative to the checkout (`GITHUB_WORKSPACE`), which
 * is what GitHub matches against the files of the pull request, also when deckhand runs in a subfolder.
 */
export function annotations(diagnostics: readonly Diagnostic[], cwd: string, workspace?: string): string[] {
  const root = workspace || cwd;
  return sortDiagnostics(diagnostics).map((d) => {
    const shown = displayDiagnostic(d, cwd);
    const props: [string, string | number | undefined][] = [
      ['file', d.file === undefined ? undefined : workspacePath(d.file, root)],
      ['line', d.line],
      ['col', d.line === undefined ? undefined : (d.col ?? 1)],
      ['title', `deckhand ${d.code}`],
    ];
    const head = props
      .filter((p): p is [string, string | number] => p[1] !== undefined)
      .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
      .join(',');
    const text = shown.hint ? `${shown.message}\nhint: ${shown.hint}` : shown.message;
    return `::${d.severity} ${head}::${escapeData(text)}`;
  });
}

/** A workflow command with no position (the --check summary). */
export function annotation(severity: 'error' | 'warning' | 'notice', title: string, message: string): string {
  return `::${severity} title=${escapeProperty(title)}::${escapeData(message)}`;
}

function workspacePath(file: string, root: string): string {
  const rel = relative(root, file);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : file;
}
