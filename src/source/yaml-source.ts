import { Composer, isMap, isNode, isPair, isScalar, isSeq, LineCounter, Parser, type Document, type Node } from 'yaml';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { checkCst, checkDocument, MAX_DEPTH, type YamlProblem } from './yaml-checks.js';
import { explainYamlError } from './yaml-indent.js';

export type DataPath = readonly (string | number)[];

/** A parsed YAML or JSON file that still knows where every value came from. */
export interface SourceDoc {
  /** Path as shown to the user. */
  file: string;
  text: string;
  data: unknown;
  locate(path: DataPath, at?: 'key' | 'value'): { line: number; col: number };
  /** Lets the parsed document go (a large part of a loaded topic's memory); `locate` parses again if asked. */
  release(): void;
}

/**
 * Parses YAML 1.2 (JSON is a subset) keeping positions. Never throws for bad input: syntax errors,
 * duplicate keys, tags, alias bombs and cycles, collection keys and absurd nesting become diagnostics.
 */
export function parseSource(text: string, file: string): { source?: SourceDoc; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const pos = (offset: number): { line: number; col: number } => lineCounter.linePos(offset);
  const diag = (code: string, message: string, offset: number, hint: string) =>
    error(code, message, { file, ...pos(offset), hint });

  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const early = checkCst(tokens).map((p) => problem(p, diag));
  // Too deep or unclosed: composing would overflow the stack or only repeat the same error at the end of the file.
  if (early.some((d) => d.code === Codes.yamlDepth || d.code === Codes.yamlSyntax)) return { diagnostics: early };

  const docs = [
    ...new Composer({ uniqueKeys: true, schema: 'core', logLevel: 'silent' }).compose(tokens, true, text.length),
  ];
  const doc = docs[0]!;
  const diagnostics: Diagnostic[] = [...early];
  if (docs.length > 1) {
    diagnostics.push(
      diag(
        Codes.yamlSyntax,
        'a topic file holds one YAML document; this "---" starts a second one',
        docs[1]!.range[0],
        'remove the "---" line, or put the second document in a file of its own',
      ),
    );
  }
  // yaml often reports one mistake several times, at one place or on the line after it: one error per line.
  const seenLines = new Set<number>();
  for (const e of doc.errors) {
    const line = pos(e.pos[0]).line;
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    const explained = explainYamlError(e.code, e.message, e.pos[0], text);
    if (explained) {
      explained.lines.forEach((l) => seenLines.add(l));
      diagnostics.push(diag(Codes.yamlSyntax, explained.message, explained.offset, explained.hint));
      continue;
    }
    if (e.code === 'DUPLICATE_KEY') {
      const key = keyAt(text, e.pos[0]);
      diagnostics.push(
        diag(
          Codes.yamlDuplicateKey,
          `duplicate key${key ? ` "${key}"` : ''} in a map`,
          e.pos[0],
          'each key may appear once per map; remove or rename one of them',
        ),
      );
    } else if (e.code !== 'TAG_RESOLVE_FAILED') {
      const at = e.code === 'MISSING_CHAR' && /quote/.test(e.message) ? unclosedQuoteOffset(text, e.pos[0]) : e.pos[0];
      const message = yamlMessage(e, text);
      // The one case where quotes are the fix: a value with ": " in it.
      const hint = message.includes('": " inside a value')
        ? 'put the whole value in quotes, e.g. body: "Germs: how they spread"'
        : yamlHint(e.code, text);
      diagnostics.push(diag(Codes.yamlSyntax, message, at, hint));
    }
  }
  if (diagnostics.length) return { diagnostics };
  diagnostics.push(...checkDocument(doc).map((p) => problem(p, diag)));
  if (diagnostics.length) return { diagnostics };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    // yaml's guard against "billion laughs": aliases that would expand into a huge value.
    return {
      diagnostics: [
        diag(
          Codes.yamlAlias,
          'YAML aliases expand into too large a value (an alias bomb?)',
          0,
          'write the values out instead of using &anchors and *aliases',
        ),
      ],
    };
  }
  let kept: Document | undefined = doc;
  const again = () =>
    new Composer({ schema: 'core', logLevel: 'silent' }).compose(new Parser().parse(text), true, text.length).next()
      .value as Document;
  return {
    source: {
      file,
      text,
      data,
      locate: (path, at = 'value') => locate((kept ??= again()), path, at, pos),
      release: () => void (kept = undefined),
    },
    diagnostics,
  };
}

function problem(
  p: YamlProblem,
  diag: (code: string, message: string, offset: number, hint: string) => Diagnostic,
): Diagnostic {
  switch (p.kind) {
    case 'depth':
      return diag(
        Codes.yamlDepth,
        `nesting is ${p.message} levels deep (the limit is ${MAX_DEPTH})`,
        p.offset,
        'a topic is a map of sections; flatten the lists and maps',
      );
    case 'quote':
      return diag(
        Codes.yamlSyntax,
        `YAML syntax: this ${p.message === '"' ? 'double' : 'single'} quote is never closed`,
        p.offset,
        `add the closing ${p.message} (inside ${p.message}…${p.message}, write ${p.message === '"' ? '\\"' : "''"} ` +
          `for a quote character)`,
      );
    case 'unclosed':
      return diag(
        Codes.yamlSyntax,
        `YAML syntax: this "${p.message}" is never closed`,
        p.offset,
        `add the closing "${p.message === '[' ? ']' : '}'}"`,
      );
    case 'tag':
      return diag(
        Codes.yamlTag,
        `YAML tags are not supported (${p.message})`,
        p.offset,
        `remove "${p.message}"; values are plain text, lists and maps`,
      );
    case 'alias':
      return diag(Codes.yamlAlias, p.message, p.offset, 'write the value out instead of using &anchors and *aliases');
    case 'surrogate':
      return diag(
        Codes.fileEncoding,
        `text contains half of a character (the escape ${p.message} without its pair)`,
        p.offset,
        'remove the \\u escape, or write the character itself',
      );
    case 'key':
      return diag(Codes.yamlSyntax, `YAML syntax: ${p.message}`, p.offset, 'write keys as plain words, e.g. "title:"');
  }
}

/** The key written at `offset` (for duplicate-key messages). */
function keyAt(text: string, offset: number): string | undefined {
  const m = /^(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([^:\n]*?))\s*:/.exec(text.slice(offset, offset + 200));
  const key = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  return key && key.length <= 60 ? key : undefined;
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
      // An empty value (`title:`) has no text of its own: point at its key.
      best =
        isNode(node) && !(isScalar(node) && node.range?.[0] === node.range?.[1])
          ? node
          : isNode(pair.key)
            ? pair.key
            : best;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (!isNode(node)) break;
      best = node;
    } else break;
  }
  return pos(best?.range?.[0] ?? 0);
}

/** yaml's message, or a plainer one for the mistakes people make most. */
function yamlMessage(e: { code: string; message: string; pos: [number, number] }, text: string): string {
  const end = text.indexOf('\n', e.pos[0]);
  const line = text.slice(e.pos[0], end === -1 ? undefined : end);
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      if (/:\s/.test(line)) return 'YAML syntax: ": " inside a value starts a map; put the value in quotes';
      if (!/:/.test(line)) return 'YAML syntax: this line continues onto a more indented line, or has no "key:"';
      break;
    case 'BAD_INDENT':
      return 'YAML syntax: this line is not indented like the other items of its list or map';
    case 'BAD_SCALAR_START':
      return `YAML syntax: a value cannot start with "${text[e.pos[0]] ?? ''}"; put the value in quotes`;
  }
  const first = e.message.split('\n')[0] ?? e.message;
  return `YAML syntax: ${first.replace(/ at line \d+, column \d+.*$/, '').replace(/\.$/, '')}`;
}

function yamlHint(code: string, text: string): string {
  if (/^\t/m.test(text)) return 'YAML indentation must use spaces, not tabs';
  if (code === 'BAD_SCALAR_START') return 'e.g. title: "@home" instead of title: @home';
  if (code === 'MISSING_CHAR') return 'check for an unclosed quote or bracket';
  return 'check the indentation and quoting on this line and the lines around it';
}

/** yaml reports an unclosed quote where the file ends; the line that opened it is more useful. */
function unclosedQuoteOffset(text: string, fallback: number): number {
  let offset = 0;
  for (const line of text.split('\n')) {
    // A value that starts with a quote and does not close it on the same line.
    const m = /^(\s*(?:-\s+)?(?:[^:#'"]+:\s+)?)(["'])(.*)$/.exec(line);
    if (m && !m[3]!.replace(/\\./g, '').includes(m[2]!)) return offset + m[1]!.length;
    offset += line.length + 1;
  }
  return fallback;
}
