import type { CommandModule } from 'yargs';
import { UsageError } from '../errors/diagnostic.js';
import { printHandouts, type PrintResult } from '../print/print.js';
import { displayDiagnostic, displayPath } from './display.js';
import { formatBytes } from './format.js';
import { reportDiagnostics, type Io } from './io.js';

/**
 * `deckhand print <topic> -a <audience> --data <file> [-o <file.pdf | dir>] [--combine]`: personal
 * handouts. What it prints names files, record numbers and fields, never a personal value; --json
 * is the same result as one document.
 */
export function printCommand(io: Io, setCode: (c: number) => void): CommandModule {
  return {
    command: 'print <topic>',
    describe: 'personal handouts: a topic merged with each record of a data file (nothing is stored)',
    builder: (y) =>
      y
        .positional('topic', { type: 'string', describe: 'a topic file, or its slug in the content folder' })
        .option('audience', { alias: 'a', type: 'string', describe: 'the audience (one)' })
        .option('lang', { type: 'string', describe: "the language (default: the topic's own)" })
        .option('data', {
          type: 'string',
          nargs: 1,
          describe: 'YAML, JSON or CSV file of records, or - for standard input',
        })
        .option('out', {
          alias: 'o',
          type: 'string',
          describe: 'file.pdf (one record, or --combine), or a folder (one PDF per record)',
        })
        .option('combine', {
          type: 'boolean',
          default: false,
          describe: 'all records into one PDF, each starting on a new sheet',
        })
        .option('config', { alias: 'c', type: 'string', describe: 'config file (default: ./deckhand.config.yaml)' })
        .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON on stdout' })
        // Not offered, but named, so asking for it gets an answer rather than "Unknown argument".
        .option('format', { alias: 'f', type: 'string', hidden: true }),
    handler: async (argv) => {
      if (argv.format !== undefined)
        throw new UsageError(
          'print makes PDF handouts only: it has no -f (for decks and other formats, use "deckhand build -f …")',
        );
      const audience = one(argv.audience, '-a/--audience', 'the audience to print for, e.g. -a patient');
      const data = one(argv.data, '--data', 'the file of records (YAML, JSON or CSV), or - for standard input');
      if (argv.lang !== undefined) one(argv.lang, '--lang', 'a language tag, e.g. --lang es-US');
      const stdin = data === '-' ? await (io.stdin ?? (async () => ''))() : undefined;
      const result = await printHandouts({
        topic: String(argv.topic),
        audience,
        data,
        ...(stdin !== undefined ? { stdin } : {}),
        ...(typeof argv.lang === 'string' ? { lang: argv.lang } : {}),
        ...(typeof argv.out === 'string' ? { out: argv.out } : {}),
        combine: argv.combine === true,
        ...(typeof argv.config === 'string' ? { config: argv.config } : {}),
        cwd: io.cwd,
        env: io.env,
      });
      if (argv.json) io.out(JSON.stringify(jsonPrint(result, io.cwd), null, 2));
      else report(io, result);
      setCode(result.ok ? 0 : 1);
    },
  };
}

/** A required option given once, as text. */
function one(value: unknown, flag: string, what: string): string {
  if (Array.isArray(value)) throw new UsageError(`${flag} is given more than once: print takes one`);
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${flag} is missing: give ${what}`);
  return value;
}

function report(io: Io, result: PrintResult): void {
  for (const f of result.files) {
    const records = f.records.length === 1 ? `record ${f.records[0]}` : `records ${f.records[0]}–${f.records.at(-1)}`;
    io.err(
      `written    ${displayPath(f.path, io.cwd)}  (${formatBytes(f.bytes)}, ${f.pages} ` +
        `page${f.pages === 1 ? '' : 's'}, ${records})`,
    );
  }
  reportDiagnostics(io, result.diagnostics);
  if (result.ok)
    io.err(
      `print: ${result.records} handout${result.records === 1 ? '' : 's'} in ${result.files.length} ` +
        `PDF${result.files.length === 1 ? '' : 's'}; the data was not stored`,
    );
}

/** The --json document: files, record count, errors and warnings (short paths). */
export function jsonPrint(result: PrintResult, cwd: string) {
  const shown = result.diagnostics.map((d) => displayDiagnostic(d, cwd));
  return {
    ok: result.ok,
    records: result.records,
    files: result.files.map((f) => ({ ...f, path: displayPath(f.path, cwd) })),
    errors: shown.filter((d) => d.severity === 'error'),
    warnings: shown.filter((d) => d.severity === 'warning'),
  };
}
