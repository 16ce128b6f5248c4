import { extname, resolve } from 'node:path';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { readTextFile } from '../source/read.js';
import { parseVisitData, type DataFormat, type VisitRecord } from './data.js';

/** How standard input is named in messages. */
export const STDIN = '<stdin>';

/**
 * The records of `--data`: a file (format by extension), or standard input's text (`-`; YAML/JSON
 * or CSV told apart by the first line). Problems come back as diagnostics that never quote the data.
 */
export async function readVisitData(
  data: string,
  stdin: string | undefined,
  cwd: string,
): Promise<{ records: VisitRecord[]; diagnostics: Diagnostic[] }> {
  let text: string;
  let file: string;
  let format: DataFormat | undefined;
  if (data === '-') {
    file = STDIN;
    text = (stdin ?? '').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } else {
    file = resolve(cwd, data);
    format = FORMATS[extname(file).toLowerCase()];
    const read = await readTextFile(file, file);
    if (read.text === undefined) return { records: [], diagnostics: read.diagnostics.map(aboutData) };
    text = read.text;
  }
  if (!text.trim())
    return {
      records: [],
      diagnostics: [
        error(Codes.data, 'the data has no records', {
          file,
          line: 1,
          col: 1,
          hint: 'give one record per handout: a CSV row, a list item or a map',
        }),
      ],
    };
  return parseVisitData(text, format ?? sniff(text), file);
}

const FORMATS: Record<string, DataFormat> = { '.csv': 'csv', '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml' };

/** YAML (and JSON, which YAML reads) starts with `-`, `{`, `[` or `key:`; anything else is a CSV header. */
function sniff(text: string): DataFormat {
  const first = text.split('\n').find((l) => l.trim() && !l.trim().startsWith('#')) ?? '';
  return /^\s*(?:-(?:\s|$)|[{[]|---|["']?[\w-]+["']?\s*:)/.test(first) ? 'yaml' : 'csv';
}

/** A read problem of the data file, with hints about data rather than topics. */
function aboutData(d: Diagnostic): Diagnostic {
  if (d.code === Codes.fileEmpty)
    return { ...d, code: Codes.data, message: 'the data has no records', hint: 'give one record per handout' };
  if (d.code === Codes.fileTooLarge) return { ...d, hint: 'split the data into several files' };
  return d;
}
