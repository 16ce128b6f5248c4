import { parse as parseCsv } from 'csv-parse/sync';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { parseSource } from '../source/yaml-source.js';

/**
 * The personal data of `deckhand print`: one record per handout. Every value is personal (HIPAA's
 * identifiers include names, dates other than the year and any unique code), so nothing here ever puts
 * a value into a message: problems name the record's number and the field, never what it holds.
 */

/** One record as templates see it (`visit.*`): the known fields typed, any other field passed on. */
export interface VisitRecord {
  /** 1-based, in the order of the data file. */
  number: number;
  /** Where the record starts in the data file (for messages). */
  line: number;
  fields: VisitFields;
  /** The output file name the record asks for (`file`), without `.pdf`; never shown in a handout. */
  file: string | null;
}

export interface VisitFields {
  patient: string | null;
  clinician: string | null;
  /** The visit, YYYY-MM-DD. */
  date: string | null;
  /** Markdown: a list or text. */
  instructions: string | null;
  followUp: string | null;
  phone: string | null;
  [other: string]: string | number | boolean | null;
}

const KNOWN = ['patient', 'clinician', 'date', 'instructions', 'followUp', 'phone', 'file'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A file name a record may ask for: no folders, no hidden files, nothing a shell or Windows trips on. */
const FILE_NAME = /^(?!\.)[\p{L}\p{N}_.-]{1,100}$/u;
export const MAX_RECORDS = 10_000;

export type DataFormat = 'yaml' | 'json' | 'csv';

/** The records of a data file (YAML, JSON or CSV text), or the problems that keep them from printing. */
export function parseVisitData(
  text: string,
  format: DataFormat,
  file: string,
): { records: VisitRecord[]; diagnostics: Diagnostic[] } {
  const raw = format === 'csv' ? csvRows(text, file) : yamlRows(text, file);
  if (raw.diagnostics.length) return { records: [], diagnostics: raw.diagnostics };
  const diagnostics: Diagnostic[] = [];
  if (!raw.rows.length) {
    diagnostics.push(
      problem(file, 1, 'the data has no records', 'give one record per handout: a CSV row, a list item or a map'),
    );
  } else if (raw.rows.length > MAX_RECORDS) {
    diagnostics.push(problem(file, 1, `the data has more than ${MAX_RECORDS} records`, 'split it into several runs'));
  }
  const records = raw.rows
    .slice(0, MAX_RECORDS)
    .map((row, i) => record(row.values, i + 1, row.line, file, diagnostics));
  const seen = new Map<string, number>();
  for (const r of records) {
    if (r.file === null) continue;
    const key = r.file.toLowerCase(); // case-insensitive file systems would merge them
    const other = seen.get(key);
    if (other !== undefined)
      diagnostics.push(
        problem(
          file,
          r.line,
          `record ${r.number}: "file" names the same file as record ${other}`,
          'give each record its own file name',
        ),
      );
    else seen.set(key, r.number);
  }
  return { records, diagnostics };
}

type Row = { values: Record<string, unknown>; line: number };

function record(
  values: Record<string, unknown>,
  number: number,
  line: number,
  file: string,
  out: Diagnostic[],
): VisitRecord {
  const fields: VisitFields = {
    patient: null,
    clinician: null,
    date: null,
    instructions: null,
    followUp: null,
    phone: null,
  };
  let name: string | null = null;
  const fail = (field: string, why: string, hint: string) =>
    out.push(problem(file, line, `record ${number}: "${field}" ${why}`, hint));
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') continue;
    if (!/^[A-Za-z][\w-]{0,63}$/.test(key)) {
      fail(key.slice(0, 64), 'is not a field name', 'field names are letters, digits, - and _ (e.g. followUp)');
      continue;
    }
    if (key === 'instructions') {
      if (typeof value === 'string') fields.instructions = value;
      else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
        fields.instructions = value.map((v) => `- ${String(v).replace(/\s*\n\s*/g, ' ')}`).join('\n');
      else fail(key, 'must be text or a list of lines', 'write the instructions as text, or as a list');
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      fail(key, 'must be text, a number or true/false, not a list or map', 'write one value per field');
      continue;
    }
    if (key === 'file') {
      const text = String(value).replace(/\.pdf$/i, '');
      if (!FILE_NAME.test(text))
        fail(key, 'is not a plain file name', 'letters, digits, ".", "-" and "_" only: no folders, no leading dot');
      else name = text;
      continue;
    }
    if (key === 'date' && !(typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)))) {
      fail(key, 'must be a date written YYYY-MM-DD', 'e.g. 2026-12-24');
      continue;
    }
    fields[key] =
      typeof value === 'string' ? value : key in fields && KNOWN.includes(key as never) ? String(value) : value;
  }
  return { number, line, fields, file: name };
}

function yamlRows(text: string, file: string): { rows: Row[]; diagnostics: Diagnostic[] } {
  const parsed = parseSource(text, file);
  // The parser's own messages quote no values; keep only position and wording.
  if (!parsed.source) return { rows: [], diagnostics: parsed.diagnostics.map(withoutValues) };
  const data = parsed.source.data;
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : null;
  if (!list)
    return {
      rows: [],
      diagnostics: [
        problem(
          file,
          1,
          'the data must be a list of records or one record (a map)',
          'e.g. - {patient: …, date: 2026-12-24}',
        ),
      ],
    };
  const rows: Row[] = [];
  const diagnostics: Diagnostic[] = [];
  list.forEach((item, i) => {
    const line = (Array.isArray(data) ? parsed.source!.locate([i]) : parsed.source!.locate([])).line ?? 1;
    if (item && typeof item === 'object' && !Array.isArray(item))
      rows.push({ values: item as Record<string, unknown>, line });
    else
      diagnostics.push(
        problem(file, line, `record ${i + 1} is not a map of fields`, 'write each record as field: value lines'),
      );
  });
  return { rows, diagnostics };
}

function csvRows(text: string, file: string): { rows: Row[]; diagnostics: Diagnostic[] } {
  try {
    const parsed = parseCsv(text, { columns: true, info: true, bom: true, skip_empty_lines: true, trim: true }) as {
      record: Record<string, string>;
      info: { lines: number };
    }[];
    return { rows: parsed.map((p) => ({ values: p.record, line: p.info.lines })), diagnostics: [] };
  } catch (e) {
    // csv-parse's messages can quote the field they stopped at: say what and where, never the text.
    const err = e as { code?: string; lines?: number };
    const why = CSV_PROBLEMS[err.code ?? ''] ?? 'is not valid CSV';
    return {
      rows: [],
      diagnostics: [
        problem(
          file,
          err.lines ?? 1,
          `line ${err.lines ?? 1} ${why}`,
          'save the sheet as CSV (UTF-8, comma-separated, a header row)',
        ),
      ],
    };
  }
}

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'opens a quote that is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'has a quote inside a field that is not quoted',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'has a different number of fields than the header',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'has a different number of fields than the header',
  CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH: 'has a different number of fields than the header',
  CSV_INVALID_COLUMN_DEFINITION: 'has an invalid header row',
  CSV_DUPLICATE_COLUMN_NAME: 'has a header with the same column twice',
  INVALID_OPENING_QUOTE: 'has a quote inside a field that is not quoted',
};

function problem(file: string, line: number, message: string, hint: string): Diagnostic {
  return error(Codes.data, message, { file, line, col: 1, hint });
}

/** A parser diagnostic without anything that could quote the data (messages name places, not values). */
function withoutValues(d: Diagnostic): Diagnostic {
  return { ...d, code: Codes.data, message: d.message.replace(/"[^"]*"|'[^']*'/g, '…') };
}
