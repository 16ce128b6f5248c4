import type Handlebars from 'handlebars';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';

// Properties that lead from data to code. Handlebars blocks them at run time too; this names them at their line.
const BLOCKED = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** Handlebars' own hooks: in hb.helpers, but called with nothing a template can give them. */
const HOOKS = new Set(['helperMissing', 'blockHelperMissing']);
/** How many arguments the built-in helpers take (Handlebars' own messages name no position). */
const ARITY: Readonly<Record<string, { n: number; usage: string }>> = {
  if: { n: 1, usage: '{{#if summary}}…{{/if}}' },
  unless: { n: 1, usage: '{{#unless summary}}…{{/unless}}' },
  with: { n: 1, usage: '{{#with brand}}…{{/with}}' },
  each: { n: 1, usage: '{{#each sections}}…{{/each}}' },
  lookup: { n: 2, usage: '{{lookup meta "department"}}' },
};

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
    if (n.type === 'PathExpression' && (n.parts as string[]).some((p) => BLOCKED.has(p))) {
      const name = (n.parts as string[]).find((p) => BLOCKED.has(p));
      out.push(
        error(Codes.template, `"${name}" is not accessible in templates`, {
          ...at(n),
          hint: 'templates see plain data only; use the fields listed in the README',
        }),
      );
    }
    if (n.type === 'StringLiteral' && BLOCKED.has(n.value as string)) {
      out.push(
        error(Codes.template, `"${n.value as string}" is not accessible in templates`, {
          ...at(n),
          hint: 'templates see plain data only; use the fields listed in the README',
        }),
      );
    }
    const path = n.path as Node | undefined;
    const name = path?.type === 'PathExpression' ? (path.original as string) : undefined;
    const params = (n.params as unknown[] | undefined) ?? [];
    const hash = n.hash as { pairs: unknown[] } | undefined;
    const isCall =
      n.type === 'SubExpression' || n.type === 'BlockStatement' || params.length > 0 || (hash?.pairs.length ?? 0) > 0;
    const tag = n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression';
    if (tag && name && HOOKS.has(name)) {
      out.push(
        error(Codes.template, `"${name}" is Handlebars' internal hook, not a helper or a field`, {
          ...at(n),
          hint: `remove it; ${helperList(hb)}`,
        }),
      );
      return;
    }
    const arity = tag && name && Object.hasOwn(ARITY, name) ? ARITY[name]! : undefined;
    if (arity && params.length !== arity.n) {
      out.push(
        error(
          Codes.template,
          `"${name}" takes ${arity.n === 1 ? 'one argument' : `${arity.n} arguments`}, got ${params.length}`,
          { ...at(n), hint: `write it as ${arity.usage}` },
        ),
      );
      return;
    }
    if (tag && name && isCall) {
      if (!(name in hb.helpers) && !(n.type === 'BlockStatement' && params.length === 0)) {
        out.push(
          error(Codes.template, `unknown helper "${name}"`, {
            ...at(n),
            hint: helperList(hb),
          }),
        );
      }
    }
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
      const p = n.name as Node;
      const pname =
        p.type === 'PathExpression'
          ? (p.original as string)
          : p.type === 'StringLiteral'
            ? (p.value as string)
            : undefined;
      if (pname && !(pname in hb.partials) && n.type === 'PartialStatement') {
        out.push(
          error(Codes.template, `missing partial "${pname}"`, {
            ...at(n),
            hint: 'put it in templates/partials/<name>.hbs',
          }),
        );
      }
    }
  });
  return out;
}

/** Maps a Handlebars exception (parse or runtime) to a diagnostic at the template's line. */
export function templateError(e: unknown, file: string, src: string): Diagnostic {
  const err = e as { message?: string; lineNumber?: number; column?: number; code?: unknown; hint?: unknown };
  const message = String(err.message ?? e);
  // A helper's own diagnostic (e.g. the `t` helper's missing string), at the helper's position.
  if (typeof err.code === 'string' && err.code.startsWith('DH_'))
    return error(err.code, message, {
      file,
      line: err.lineNumber ?? 1,
      col: (err.column ?? 0) + 1,
      ...(typeof err.hint === 'string' ? { hint: err.hint } : {}),
    });
  const syntax = (text: string, at: { line: number; col: number }, hint: string) =>
    error(Codes.template, `template syntax error: ${text}`, { file, ...at, hint });
  const parse = /^Parse error on line (\d+):[\s\S]*\nExpecting [^\n]*got '(\w+)'/.exec(message);
  if (parse) {
    const line = { line: Number(parse[1]), col: 1 };
    const got = parse[2];
    const open = got === 'EOF' || got === 'INVALID' ? unclosed(src) : undefined;
    // A "{{name" at the very end of the file (no newline after it) is INVALID to the lexer, not EOF.
    if (open && !open.block) return syntax('"{{" is never closed', open.at, 'add the closing "}}"');
    if (got === 'EOF') {
      if (open?.block)
        return syntax(`{{#${open.block}}} is never closed`, open.at, `add {{/${open.block}}} where the block ends`);
      return syntax(
        'the template ends in the middle of a tag',
        line,
        'check that every {{#block}} has its {{/block}} and every {{ has its }}',
      );
    }
    if (got === 'OPEN_ENDBLOCK')
      return syntax('a {{/…}} that closes no block', line, 'remove it, or add the {{#block}} it should close');
    if (got === 'INVERSE' || got === 'OPEN_INVERSE_CHAIN')
      return syntax(
        '{{else}} outside a block',
        line,
        '{{else}} belongs between {{#if …}} (or #each, #unless) and its {{/…}}',
      );
    return syntax(
      `unexpected ${TOKENS[got!] ?? got}`,
      line,
      'check the {{ … }} on this line: a missing name, quote or bracket?',
    );
  }
  const lexical = /^Parse error on line (\d+)/.exec(message);
  if (lexical)
    return syntax('cannot read this line', { line: Number(lexical[1]), col: 1 }, 'check the {{ … }} on this line');
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)/.exec(message);
  if (mismatch) {
    return syntax(
      `{{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}`,
      { line: Number(mismatch[3]), col: Number(mismatch[4]) + 1 },
      'close blocks in the reverse order they were opened',
    );
  }
  const partial = /^The partial (.*) could not be found/.exec(message);
  if (partial) {
    // Only a partial named at run time can be missing here (static names are checked first); Handlebars gives no
    // position.
    const at = /\{\{~?#?>\s*\(/.exec(src);
    const before = src.slice(0, at?.index ?? 0).split('\n');
    return error(Codes.template, `missing partial "${partial[1]}" (its name was computed while rendering)`, {
      file,
      line: before.length,
      col: before.at(-1)!.length + 1,
      hint: 'partials come from templates/partials/<name>.hbs; names are not paths',
    });
  }
  const undef = /^"([^"]+)" not defined in/.exec(message);
  const clean = undef ? `"${undef[1]}" is not defined here` : message.replace(/ - \d+:\d+$/, '');
  return error(Codes.template, `template error: ${clean}`, {
    file,
    line: err.lineNumber ?? 1,
    col: (err.column ?? 0) + 1,
    hint:
      undef || /does not exist/.test(clean)
        ? 'check the spelling; see the README for the fields templates get'
        : 'see the README for the helpers and fields templates get',
  });
}

const helperList = (hb: typeof Handlebars) =>
  `helpers: ${Object.keys(hb.helpers)
    .filter((h) => !HOOKS.has(h))
    .sort()
    .join(', ')}`;

const TOKENS: Record<string, string> = {
  CLOSE: '"}}"',
  CLOSE_UNESCAPED: '"}}}"',
  OPEN: '"{{"',
  OPEN_BLOCK: '"{{#"',
  EQUALS: '"="',
  CLOSE_SEXPR: '")"',
  OPEN_SEXPR: '"("',
  INVALID: 'character inside {{ … }}',
};

/** The innermost block (or bare `{{`) left open at the end of a template, with its position. */
function unclosed(src: string): { block?: string; at: { line: number; col: number } } | undefined {
  const stack: { block?: string; offset: number }[] = [];
  const tags =
    // {{!-- --}} and {{! }} comments, block openers {{#name / {{^name, closers {{/name}}, anything else.
    new RegExp(
      String.raw`\{\{~?(!--[\s\S]*?--~?\}\}|![\s\S]*?\}\}|[#^]\s*[>*]?\s*([^\s}~]+)[\s\S]*?\}\}|` +
        String.raw`\/\s*([^\s}~]+)\s*~?\}\}|[\s\S]*?\}\})?`,
      'g',
    );
  for (let m = tags.exec(src); m; m = tags.exec(src)) {
    if (m[1] === undefined)
      stack.push({ offset: m.index }); // a {{ with no }}
    else if (m[2] !== undefined) stack.push({ block: m[2].replace(/^["']|["']$/g, ''), offset: m.index });
    else if (m[3] !== undefined && stack.at(-1)?.block === m[3]) stack.pop();
  }
  const top = stack.at(-1);
  if (!top) return undefined;
  const before = src.slice(0, top.offset).split('\n');
  return { ...(top.block ? { block: top.block } : {}), at: { line: before.length, col: before.at(-1)!.length + 1 } };
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
