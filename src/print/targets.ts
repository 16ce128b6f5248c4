import { statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import type { VisitRecord } from './data.js';

/** One PDF to write and the records (1-based numbers) it holds. */
export interface Target {
  path: string;
  records: VisitRecord[];
}

export interface TargetOptions {
  /** `-o` as given (relative to cwd), if any. */
  out?: string;
  combine: boolean;
  cwd: string;
  /** `<slug>-<audience>`: the default file name, and the stem of numbered ones. */
  stem: string;
}

/**
 * Where each record goes — decided before anything is rendered, so a bad `-o` or `file` costs
 * nothing and writes nothing. Names come from `-o`, the topic and audience, a record's `file` field
 * or its number: never from a personal value.
 * - one record, or `--combine`: one PDF; `-o x.pdf` names it, another `-o` is a folder to put
 *   `<slug>-<audience>.pdf` (or the single record's `file`) in; default `./<slug>-<audience>.pdf`;
 * - several records: `-o <folder>`, one PDF each, `<file>.pdf` or `<slug>-<audience>-<n>.pdf`.
 */
export function planTargets(
  records: readonly VisitRecord[],
  options: TargetOptions,
): { targets: Target[]; diagnostics: Diagnostic[] } {
  const { out, combine, cwd, stem } = options;
  const fail = (message: string, hint: string, file?: string) => ({
    targets: [],
    diagnostics: [error(Codes.output, message, { ...(file ? { file } : {}), hint, option: 'out' })],
  });
  const isPdf = out !== undefined && extname(out).toLowerCase() === '.pdf' && !/[\\/]$/.test(out);
  let targets: Target[];
  if (combine || records.length === 1) {
    const single = !combine ? records[0]?.file : null;
    const name = `${single ?? stem}.pdf`;
    const path = out === undefined ? resolve(cwd, name) : isPdf ? resolve(cwd, out) : join(resolve(cwd, out), name);
    targets = [{ path, records: [...records] }];
  } else {
    if (out === undefined || isPdf)
      return fail(
        `the data has ${records.length} records, which make ${records.length} PDFs: name a folder for them`,
        'give a folder to write one PDF per record into, or combine the records into one PDF',
        out === undefined ? undefined : resolve(cwd, out),
      );
    const dir = resolve(cwd, out);
    const width = String(records.length).length;
    targets = records.map((r) => ({
      path: join(dir, `${r.file ?? `${stem}-${String(r.number).padStart(width, '0')}`}.pdf`),
      records: [r],
    }));
  }
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, number>();
  for (const t of targets) {
    const first = t.records[0];
    const who = first ? `record ${first.number}` : 'the handout';
    // data.ts already refuses folders in `file`; this is the guard that the path stays where -o says.
    const base = out === undefined ? cwd : isPdf ? dirname(resolve(cwd, out)) : resolve(cwd, out);
    const rel = relative(base, t.path);
    if (rel.startsWith('..') || rel.includes(sep))
      diagnostics.push(
        error(Codes.output, `${who}: its file would be written outside the output folder`, {
          hint: 'a "file" value is a plain file name, no folders',
          option: 'out',
        }),
      );
    const key = t.path.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined)
      diagnostics.push(
        error(Codes.output, `${who}: its file name is the same as record ${other}'s`, {
          hint: 'give each record its own "file" name (numbered names are <topic>-<audience>-<n>)',
          option: 'out',
        }),
      );
    else if (first) seen.set(key, first.number);
    const blocked = blocker(t.path);
    if (blocked) diagnostics.push(error(Codes.output, `cannot write ${t.path}: ${blocked}`, { option: 'out' }));
  }
  return { targets, diagnostics: dedupe(diagnostics) };
}

/** Why a file cannot be created at `path` (a folder in its place, a file where a folder must be). */
function blocker(path: string): string | undefined {
  const here = stat(path);
  if (here?.isDirectory()) return 'a folder of that name is in the way';
  for (let p = dirname(path); p !== dirname(p); p = dirname(p)) {
    const info = stat(p);
    if (!info) continue;
    return info.isDirectory() ? undefined : `${p} is a file, not a folder`;
  }
  return undefined;
}

/** stat, or undefined when there is nothing there (or a file sits where a folder of the path should be). */
function stat(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => !seen.has(d.message) && Boolean(seen.add(d.message)));
}
