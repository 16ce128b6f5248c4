import { isAlias, isCollection, isScalar, visit, type Alias, type CST, type Document, type Node } from 'yaml';

/** A problem found before or after composing, at a source offset. */
export interface YamlProblem {
  kind: 'depth' | 'unclosed' | 'quote' | 'tag' | 'alias' | 'key' | 'surrogate';
  offset: number;
  message: string;
}

export const MAX_DEPTH = 64;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Tags that only restate what a plain value already is. Everything else (!!binary, !!set, !!timestamp,
// !custom) would turn text into bytes, sets or dates, or asks for a feature deckhand does not have.
const PLAIN_TAGS = new Set(['!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq']);

type Tok = CST.Token | CST.CollectionItem;

/**
 * Checks the concrete syntax tree before it is composed into values. yaml's composer recurses once
 * per nesting level, so 100 000 `[` overflow the stack; the CST parser is iterative, and this walk
 * uses an explicit stack too. Also finds unclosed `[`/`{` (yaml reports those at the end of the
 * file) and tags deckhand does not accept.
 */
export function checkCst(tokens: readonly CST.Token[]): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const stack: { t: Tok; depth: number }[] = tokens.map((t) => ({ t, depth: 0 }));
  let deepest = 0;
  let over = Infinity; // the first offset where the nesting passes the limit
  while (stack.length) {
    const { t, depth } = stack.pop()!;
    const push = (child: unknown, d = depth) => {
      if (Array.isArray(child)) for (const c of child) push(c, d);
      else if (child && typeof child === 'object') stack.push({ t: child as Tok, depth: d });
    };
    if ('type' in t) {
      if ((t.type === 'double-quoted-scalar' || t.type === 'single-quoted-scalar') && !closedQuote(t.source)) {
        problems.push({ kind: 'quote', offset: t.offset, message: t.source[0]! });
      }
      if (t.type === 'tag' && !PLAIN_TAGS.has(t.source)) {
        problems.push({ kind: 'tag', offset: t.offset, message: t.source });
      }
      if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
        const d = depth + 1;
        deepest = Math.max(deepest, d);
        if (d === MAX_DEPTH + 1) over = Math.min(over, t.offset);
        // Counted on to ten times the limit, so the message can say how deep; brackets are checked up to the limit.
        if (d > 10 * MAX_DEPTH) continue;
        if (
          d <= MAX_DEPTH &&
          t.type === 'flow-collection' &&
          !t.end.some((e) => e.type === 'flow-map-end' || e.type === 'flow-seq-end')
        ) {
          problems.push({ kind: 'unclosed', offset: t.start.offset, message: t.start.source });
        }
        push(t.type === 'flow-collection' ? [t.start, ...t.end] : undefined);
        push(t.items, d);
        continue;
      }
      if (t.type === 'document') push([...t.start, t.value, ...(t.end ?? [])]);
      else if (t.type === 'block-scalar') push(t.props);
      else if ('end' in t) push(t.end);
    } else {
      push([...t.start, t.key, ...(t.sep ?? []), t.value]);
    }
  }
  // An unclosed quote swallows the brackets after it: report the quote alone.
  if (problems.some((p) => p.kind === 'quote'))
    return problems.filter((p) => p.kind !== 'unclosed').sort((a, b) => a.offset - b.offset);
  if (deepest > MAX_DEPTH)
    problems.push({
      kind: 'depth',
      offset: over,
      message: `${deepest > 10 * MAX_DEPTH ? 'more than ' + 10 * MAX_DEPTH : deepest}`,
    });
  return problems.sort((a, b) => a.offset - b.offset);
}

/**
 * Checks on the composed document: aliases with no anchor or that point into themselves (a cycle
 * would make the data infinite), and keys that are lists or maps (JavaScript objects cannot hold them).
 */
export function checkDocument(doc: Document): YamlProblem[] {
  const problems: YamlProblem[] = [];
  // Each alias resolved through this map, filled in document order: Alias.resolve(doc) walks the
  // whole document again for every alias.
  const anchors = new Map<string, Node>();
  const resolve = (alias: Alias) => anchors.get(alias.source);
  visit(doc, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        const target = resolve(node);
        const offset = node.range?.[0] ?? 0;
        if (!target)
          problems.push({
            kind: 'alias',
            offset,
            message: `alias *${node.source} has no &${node.source} anchor before it`,
          });
        else if (path.includes(target as never))
          problems.push({
            kind: 'alias',
            offset,
            message: `alias *${node.source} refers to a value that contains it (a cycle)`,
          });
        return;
      }
      if (node.anchor) anchors.set(node.anchor, node);
      // "\ud800" escapes decode to half a character: not text, and encodeURI (Marp's slugs) throws on it.
      if (isScalar(node) && typeof node.value === 'string' && LONE_SURROGATE.test(node.value)) {
        const c = LONE_SURROGATE.exec(node.value)![0].charCodeAt(0);
        problems.push({
          kind: 'surrogate',
          offset: node.range?.[0] ?? 0,
          message: `\\u${c.toString(16).toUpperCase()}`,
        });
      }
    },
    Pair(_key, pair) {
      const key = pair.key;
      if (isCollection(key) || (isAlias(key) && isCollection(resolve(key)))) {
        problems.push({
          kind: 'key',
          offset: (key as { range?: number[] }).range?.[0] ?? 0,
          message: 'a key must be plain text, not a list or map',
        });
      }
    },
  });
  return problems;
}

function closedQuote(source: string): boolean {
  const q = source[0]!;
  const rest = q === '"' ? source.slice(1).replace(/\\[\s\S]/g, '') : source.slice(1).replace(/''/g, '');
  return rest.endsWith(q);
}
