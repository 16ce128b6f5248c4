/** One diagnostic as the CLI prints it: `path:line:col  error  message  [CODE]`, then `    hint: …`. */
export interface PrintedDiagnostic {
  at: string;
  severity: 'error' | 'warning';
  message: string;
  code: string;
  hint?: string;
}

const HEAD = /^(\S.*?) {2}(error|warning) {2}(.*) {2}\[([A-Z0-9_]+)\]$/;

export function parseDiagnostics(stderr: string): PrintedDiagnostic[] {
  const out: PrintedDiagnostic[] = [];
  for (const line of stderr.split('\n')) {
    const head = HEAD.exec(line);
    if (head) out.push({ at: head[1]!, severity: head[2] as 'error' | 'warning', message: head[3]!, code: head[4]! });
    else if (line.startsWith('    hint: ') && out.length) out.at(-1)!.hint = line.slice(10);
  }
  return out;
}

/** A JS stack frame, as a crash prints it. */
export const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
