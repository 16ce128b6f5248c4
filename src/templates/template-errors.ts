import type Handlebars from 'handlebars';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';

type Node = { type: string; loc?: { start: { line: number; column: number } }; [k: string]: unknown };

/**
 * Static checks before the first render, so every problem of a template is reported at once and
 * at its line: syntax errors, unknown helpers, missing partials.
 */
export function checkTemplate(hb: typeof Handlebars, src: string, file: string): Diagnostic[] {
  let ast: Node;
  try {
    ast = hb.parse(src) as unknown as Node;
  } catch (e) {
    return [templateError(e, file, src)];
  }
  const out: Diagnostic[] = [];
  const at = (n: Node) => ({ file, line: n.loc?.start.line ?? 1, col: (n.loc?.start.column ?? 0) + 1 });
  walk(ast, (n) => {
    const path = n.path as Node | undefined;
    const name = path?.type === 'PathExpression' ? (path.original as string) : undefined;
    const params = (n.params as unknown[] | undefined) ?? [];
    const hash = n.hash as { pairs: unknown[] } | undefined;
    const isCall = n.type === 'SubExpression' || n.type === 'BlockStatement' || params.length > 0 || (hash?.pairs.length ?? 0) > 0;
    if ((n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') && name && isCall) {
      if (!(name in hb.helpers) && !(n.type === 'BlockStatement' && params.length === 0)) {
        out.push(error(Codes.template, `unknown helper "${name}"`, { ...at(n), hint: `built-in helpers: ${Object.keys(hb.helpers).sort().join(', ')}` }));
      }
    }
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
      const p = n.name as Node;
      const pname = p.type === 'PathExpression' ? (p.original as string) : p.type === 'StringLiteral' ? (p.value as string) : undefined;
      if (pname && !(pname in hb.partials) && n.type === 'PartialStatement') {
        out.push(error(Codes.template, `missing partial "${pname}"`, { ...at(n), hint: 'put it in templates/partials/<name>.hbs' }));
      }
    }
  });
  return out;
}

/** Maps a Handlebars exception (parse or runtime) to a diagnostic at the template's line. */
export function templateError(e: unknown, file: string, _src: string): Diagnostic {
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = String(err.message ?? e);
  const parse = /^Parse error on line (\d+):[\s\S]*\n(Expecting [^\n]*)/.exec(message);
  if (parse) {
    return error(Codes.template, `template syntax error: ${parse[2]!.replace(/'/g, '')}`, {
      file,
      line: Number(parse[1]),
      col: 1,
      hint: 'check that every {{#block}} has its {{/block}} and every {{ has its }}',
    });
  }
  const lexical = /^Parse error on line (\d+)/.exec(message);
  if (lexical) return error(Codes.template, `template syntax error`, { file, line: Number(lexical[1]), col: 1 });
  const undef = /^"([^"]+)" not defined in/.exec(message);
  const clean = undef ? `"${undef[1]}" is not defined here` : message.replace(/ - \d+:\d+$/, '');
  return error(Codes.template, `template error: ${clean}`, {
    file,
    line: err.lineNumber ?? 1,
    col: (err.column ?? 0) + 1,
    hint: undef ? 'check the spelling; see the README for the fields templates get' : undefined,
  });
}

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
    return;
  }
  if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
  const n = node as Node;
  visit(n);
  for (const key of ['body', 'program', 'inverse', 'params', 'path', 'hash', 'pairs', 'value']) {
    if (key in n) walk(n[key], visit);
  }
}
