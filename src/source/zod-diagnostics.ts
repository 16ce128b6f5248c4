import type { z } from 'zod';
import { Codes } from '../errors/codes.js';
import { closest, didYouMean } from '../errors/suggest.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import type { DataPath, SourceDoc } from './yaml-source.js';

type Issue = z.core.$ZodIssue;

/** Turns schema issues into positioned, human diagnostics ("did you mean" for unknown keys). */
export function issuesToDiagnostics(
  issues: readonly Issue[],
  source: SourceDoc,
  knownKeys: (path: DataPath) => string[],
  defaultHint: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  // A misspelt key is one mistake: "unknown key "titel" — did you mean "title"?" says it all, so the
  // "title" it stands for is not also reported as missing.
  const meant = new Set<string>();
  for (const issue of issues)
    if (issue.code === 'unrecognized_keys') {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      for (const key of issue.keys) {
        const match = closest(key, knownKeys(path));
        if (match !== undefined) meant.add(label([...path, match]));
      }
    }
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    // One problem per value: a date that is neither YYYY-MM-DD nor a real date is one mistake.
    if (issue.code !== 'unrecognized_keys' && reported.has(label(path))) continue;
    reported.add(label(path));
    if (meant.has(label(path)) && valueAt(source.data, path) === undefined) continue;
    const hint = hintFor(path) ?? (issue.code === 'invalid_value' ? 'use one of the values listed' : defaultHint);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        const known = knownKeys(path);
        const split = commaSplit(source, path, key);
        if (split) {
          out.push(
            error(Codes.unknownKey, `unknown key "${key}"${where(path)}: the comma before it ended the text`, {
              file: source.file,
              ...source.locate(keyPath, 'key'),
              hint: `a comma inside {…} separates keys: put the text in quotes, e.g. {${split}}`,
            }),
          );
          continue;
        }
        out.push(
          error(Codes.unknownKey, `unknown key "${key}"${where(path)}${didYouMean(key, known)}`, {
            file: source.file,
            ...source.locate(keyPath, 'key'),
            hint: known.length ? `allowed here: ${known.join(', ')}` : 'remove the key, or check its spelling',
          }),
        );
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      // A map key that breaks a rule (e.g. an audience name in the config): point at the key.
      const why = issue.issues.map((i) => i.message).join('; ');
      out.push(
        error(Codes.schema, `key "${String(path.at(-1))}"${where(path.slice(0, -1))} ${why}`, {
          file: source.file,
          ...source.locate(path, 'key'),
          hint,
        }),
      );
      continue;
    }
    const got = describe(valueAt(source.data, path));
    let message: string;
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && got === 'nothing')
      message = `"${label(path)}" is required`;
    else if (issue.code === 'invalid_type') message = `"${label(path)}" must be ${article(issue.expected)}, got ${got}`;
    else if (issue.code === 'invalid_union') message = `"${label(path)}" must be ${unionExpected(issue)}, got ${got}`;
    else if (issue.code === 'invalid_value')
      message = `"${label(path)}" must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    else if (issue.code === 'too_small' && issue.origin === 'array')
      message = `"${label(path)}" needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
    else if (issue.code === 'too_small' && issue.origin === 'string') message = `"${label(path)}" must not be empty`;
    else if (issue.code === 'too_small') message = `"${label(path)}" must be at least ${issue.minimum}, got ${got}`;
    else if (issue.code === 'too_big') message = `"${label(path)}" must be at most ${issue.maximum}, got ${got}`;
    // Custom and format messages are written to follow the field name: "must be …".
    else message = `"${label(path)}" ${issue.message}, got ${got}`;
    out.push(error(Codes.schema, message, { file: source.file, ...source.locate(path), hint }));
  }
  return out;
}

function where(path: DataPath): string {
  return path.length ? ` in "${label(path)}"` : '';
}

export function label(path: DataPath): string {
  return (
    path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') || '(top level)'
  );
}

function valueAt(data: unknown, path: DataPath): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null (an empty value)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v)}`;
  return `${typeof v} ${String(v)}`;
}

function article(t: string): string {
  const names: Record<string, string> = {
    string: 'text',
    array: 'a list',
    object: 'a map',
    record: 'a map from audience to text',
    number: 'a number',
    boolean: 'true or false',
  };
  return names[t] ?? t;
}

function unionExpected(issue: Extract<Issue, { code: 'invalid_union' }>): string {
  const expected = new Set<string>();
  for (const branch of issue.errors) {
    for (const e of branch) if (e.code === 'invalid_type' && e.path.length === 0) expected.add(article(e.expected));
  }
  return expected.size ? [...expected].join(' or ') : 'a valid value';
}

function hintFor(path: DataPath): string | undefined {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  switch (last) {
    case 'title':
    case 'subtitle':
    case 'summary':
    case 'body':
    case 'notes':
    case 'text':
    case 'definition':
    case 'caption':
    case 'alt':
      return 'text is a string, or a map from audience name to string (with an optional "default")';
    case 'audience':
    case 'audiences':
      return 'a list of audience names, e.g. [patient, student]';
    case 'sections':
      return 'sections is a list of maps, each with at least a title';
    case 'points':
      return 'each point is text or {text: ..., audience: [...]}';
    case 'date':
      return 'write the date as YYYY-MM-DD, e.g. 2026-11-24';
    case 'id':
      return 'an id is a slug such as "treatment-today"';
    case 'url':
      return 'write the full address, e.g. https://example.org/page';
    case 'lang':
      return 'use a language tag such as en, en-GB or de';
    case 'src':
      return 'the path of a PNG or JPEG file, relative to the topic file';
    case 'slides':
    case 'handout':
    case 'paginate':
      return 'write true or false (no quotes)';
    case 'fontSize':
      return 'a size in points between 6 and 32';
    case 'readingGrade':
      return 'a school grade level between 1 and 20';
    case 'authors':
      return 'a list of names, e.g. [A. Author, B. Author]';
    default:
      return undefined;
  }
}

/**
 * `{text: a, b, audience: [x]}`: in a flow map a comma ends the value, so "b" became a key with no
 * value. Returns the map as it was meant (`text: "a, b", audience: [x]`) when that is what happened.
 */
function commaSplit(source: SourceDoc, path: DataPath, key: string): string | undefined {
  const map = valueAt(source.data, path);
  if (!map || typeof map !== 'object' || Array.isArray(map)) return undefined;
  const entries = Object.entries(map as Record<string, unknown>);
  const i = entries.findIndex(([k]) => k === key);
  if (i < 1 || entries[i]![1] !== null) return undefined;
  const { line, col } = source.locate([...path, key], 'key');
  const rest = source.text.split('\n')[line - 1]?.slice(col - 1 + key.length) ?? '';
  // A bare word followed by "," or "}", not "b:" with an empty value.
  if (!/^\s*[,}]/.test(rest)) return undefined;
  const [prevKey, prevValue] = entries[i - 1]!;
  if (typeof prevValue !== 'string') return undefined;
  const others = entries
    .slice(i + 1)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${shortValue(v)}`);
  return [`${prevKey}: "${prevValue}, ${key}"`, ...others].join(', ');
}

function shortValue(v: unknown): string {
  if (typeof v === 'string' && v.length <= 30) return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string') && v.join(', ').length <= 30)
    return `[${v.join(', ')}]`;
  return '…';
}
