import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';

export type DataPath = readonly (string | number)[];

/** A parsed YAML or JSON file that still knows where every value came from. */
export interface SourceDoc {
  /** Path as shown to the user. */
  file: string;
  text: string;
  data: unknown;
  locate(path: DataPath, at?: 'key' | 'value'): { line: number; col: number };
}

const MAX_DEPTH = 64;

/**
 * Parses YAML 1.2 (JSON is a subset) keeping positions. Never throws for bad input:
 * syntax errors, duplicate keys, custom tags, alias bombs and absurd nesting become diagnostics.
 */
export function parseSource(text: string, file: string): { source?: SourceDoc; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const pos = (offset: number): { line: number; col: number } => lineCounter.linePos(offset);
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const dup = e.code === 'DUPLICATE_KEY';
    diagnostics.push(
      error(dup ? Codes.yamlDuplicateKey : Codes.yamlSyntax, dup ? 'duplicate key in a map' : yamlMessage(e.message), {
        file,
        ...(e.code === 'MISSING_CHAR' && /quote/.test(e.message) ? unclosedQuote(text, pos(e.pos[0])) : pos(e.pos[0])),
        hint: dup ? 'each key may appear once per map; remove or rename one of them' : yamlHint(e.code, text),
      }),
    );
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      diagnostics.push(
        error(Codes.yamlTag, `custom YAML tags are not supported (${w.message.replace(/^Unresolved tag: /, '')})`, {
          file,
          ...pos(w.pos[0]),
          hint: 'remove the !tag; values are plain strings, lists and maps',
        }),
      );
    }
  }
  if (diagnostics.length) return { diagnostics };

  const depth = maxDepth(doc.contents);
  if (depth > MAX_DEPTH) {
    return { diagnostics: [error(Codes.yamlDepth, `nesting is ${depth} levels deep (limit ${MAX_DEPTH})`, { file, line: 1, col: 1 })] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (e instanceof ReferenceError || e instanceof TypeError) {
      return {
        diagnostics: [
          error(Codes.yamlAlias, `YAML aliases expand too far: ${(e as Error).message}`, {
            file,
            line: 1,
            col: 1,
            hint: 'write the values out instead of using &anchors and *aliases',
          }),
        ],
      };
    }
    throw e;
  }
  return { source: { file, text, data, locate: (path, at = 'value') => locate(doc, path, at, pos) }, diagnostics };
}

function locate(doc: Document, path: DataPath, at: 'key' | 'value', pos: (o: number) => { line: number; col: number }) {
  // Walk down as far as the path exists; report the deepest node found.
  let node: unknown = doc.contents;
  let best: Node | undefined = isNode(node) ? node : undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const last = i === path.length - 1;
      if (last && at === 'key' && isNode(pair.key)) {
        best = pair.key;
        break;
      }
      node = pair.value;
      best = isNode(node) ? node : isNode(pair.key) ? pair.key : best;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (!isNode(node)) break;
      best = node;
    } else break;
  }
  return pos(best?.range?.[0] ?? 0);
}

function maxDepth(node: unknown, depth = 0): number {
  if (depth > MAX_DEPTH) return depth;
  if (isMap(node)) return Math.max(depth + 1, ...node.items.map((p) => maxDepth(p.value, depth + 1)));
  if (isSeq(node)) return Math.max(depth + 1, ...node.items.map((n) => maxDepth(n, depth + 1)));
  return depth;
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return `YAML syntax: ${first.replace(/ at line \d+, column \d+.*$/, '').replace(/\.$/, '')}`;
}

function yamlHint(code: string, text: string): string {
  if (/^\t/m.test(text)) return 'YAML indentation must use spaces, not tabs';
  if (code === 'MISSING_CHAR' || code === 'BAD_SCALAR_START') return 'check for an unclosed quote or bracket';
  return 'check the indentation and quoting on this line and the one before it';
}

/** yaml reports an unclosed quote where the file ends; the line that opened it is more useful. */
function unclosedQuote(text: string, fallback: { line: number; col: number }): { line: number; col: number } {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    // A value that starts with a quote and does not close it on the same line.
    const m = /^(\s*(?:-\s+)?(?:[^:#'"]+:\s+)?)(["'])(.*)$/.exec(lines[i]!);
    if (m && !m[3]!.replace(/\\./g, '').includes(m[2]!)) return { line: i + 1, col: m[1]!.length + 1 };
  }
  return fallback;
}
