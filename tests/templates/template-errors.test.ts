import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { registerHelpers } from '../../src/templates/helpers.js';
import { checkTemplate, templateError } from '../../src/templates/template-errors.js';

const hb = Handlebars.create();
registerHelpers(hb);
hb.registerPartial('foot', 'by {{md title}}');

/** [line, col, message] of each problem checkTemplate finds. */
const check = (src: string) => checkTemplate(hb, src, '/p/t.hbs').map((d) => [d.line, d.col, d.message]);
/** The diagnostic of a template that fails while rendering. */
function runtime(src: string, context: object) {
  try {
    hb.compile(src, { strict: true, noEscape: true })(context);
  } catch (e) {
    return templateError(e, '/p/t.hbs', src);
  }
  throw new Error('rendered without an error');
}

describe('checkTemplate: syntax errors, at the line that opened the problem', () => {
  it.each([
    ['a block never closed', 'x\n{{#each sections}}\n## {{md title}}\n', 2, 1, '{{#each}} is never closed'],
    [
      'the innermost open block',
      '{{#if a}}\n  {{#each b}}x{{/each}}\n  {{#with c}}\n',
      3,
      3,
      '{{#with}} is never closed',
    ],
    [
      'a block closed by the wrong name',
      'a\n  {{#each items}}\n{{#if x}}\n{{/each}}\n',
      3,
      4,
      '{{#if}} is closed by {{/each}}',
    ],
    ['a "{{" never closed', '# {{md title}}\n\nText {{md summary\n', 3, 6, '"{{" is never closed'],
    ['a "{{" never closed at the very end (no newline)', '# T\nText {{md summary', 2, 6, '"{{" is never closed'],
    ['a close with no block', 'a\n{{/if}}\n', 2, 1, 'a {{/…}} that closes no block'],
    ['{{else}} outside a block', 'a\n\n{{else}}\n', 3, 1, '{{else}} outside a block'],
    ['an empty tag', 'a\n{{}}\n', 2, 1, 'unexpected "}}"'],
    ['a stray quote', '{{title"}}\n', 1, 1, 'unexpected character inside {{ … }}'],
    ['an unclosed subexpression', '{{md (title}}\n', 1, 1, 'unexpected "}}"'],
    ['a comment before an open block', '{{!-- c --}}{{#if a}}{{/if}}{{#with b}}\n', 1, 29, '{{#with}} is never closed'],
  ])('%s', (_name, src, line, col, message) => {
    expect(check(src)).toEqual([[line, col, `template syntax error: ${message}`]]);
  });

  it('syntax diagnostics carry only diagnostic fields, with a hint', () => {
    const [d] = checkTemplate(hb, '{{#if a}}\nx\n', '/p/t.hbs');
    expect(d).toEqual({
      severity: 'error',
      code: 'DH_TEMPLATE',
      message: 'template syntax error: {{#if}} is never closed',
      file: '/p/t.hbs',
      line: 1,
      col: 1,
      hint: 'add {{/if}} where the block ends',
    });
  });
});

describe('checkTemplate: helpers, partials and prototype access, all at once', () => {
  it('an unknown helper, as a call, a block or a subexpression; the hint lists the helpers', () => {
    expect(check('{{mdd title}}')).toEqual([[1, 1, 'unknown helper "mdd"']]);
    expect(check('x\n{{#loop items}}x{{/loop}}')).toEqual([[2, 1, 'unknown helper "loop"']]);
    expect(check('{{md (upper title)}}')).toEqual([[1, 6, 'unknown helper "upper"']]);
    expect(check('{{title x=1}}')).toEqual([[1, 1, 'unknown helper "title"']]);
    const hint = checkTemplate(hb, '{{mdd title}}', 'f')[0]!.hint!;
    expect(hint).toMatch(/^helpers: add, comment, each, eq, formatDate, formatNumber, if, /);
    expect(hint).toContain('md, mdMath, mdParagraphs');
    expect(hint).not.toMatch(/Missing/);
  });

  it('fields, context blocks and known helpers are fine', () => {
    expect(check('{{title}} {{#sections}}{{md title}}{{/sections}} {{#each points}}{{md this}}{{/each}}')).toEqual([]);
    expect(check('{{#if (eq a b)}}{{join authors ", "}}{{/if}}')).toEqual([]);
  });

  it('a missing partial, by name; partial blocks (with a fallback) and computed names are left to render time', () => {
    expect(check('a\n  {{> nope}}')).toEqual([[2, 3, 'missing partial "nope"']]);
    expect(check('{{> foot}} {{#> nope}}fallback{{/nope}} {{> (lookup . "p")}}')).toEqual([]);
  });

  it('names that lead from data to code, in paths, brackets, @root and string arguments', () => {
    const blocked = (name: string) => `"${name}" is not accessible in templates`;
    expect(check('{{constructor}}')).toEqual([[1, 3, blocked('constructor')]]);
    expect(check('a\n  {{title.__proto__.x}}')).toEqual([[2, 5, blocked('__proto__')]]);
    expect(check('{{[__proto__]}} {{@root.constructor}}')).toEqual([
      [1, 3, blocked('__proto__')],
      [1, 19, blocked('constructor')],
    ]);
    expect(check('{{lookup this "constructor"}}')).toEqual([[1, 15, blocked('constructor')]]);
    expect(check('{{md __lookupGetter__}}')).toEqual([[1, 6, blocked('__lookupGetter__')]]);
  });

  it('reports every problem of a template in one pass, in order', () => {
    expect(check('{{mdd title}}\n{{> nope}}\n{{constructor.name}}')).toEqual([
      [1, 1, 'unknown helper "mdd"'],
      [2, 1, 'missing partial "nope"'],
      [3, 3, '"constructor" is not accessible in templates'],
    ]);
  });
});

describe('templateError: errors while rendering', () => {
  it('a field that does not exist, at its position', () => {
    expect(runtime('a\n {{foo}}', {})).toMatchObject({
      code: 'DH_TEMPLATE',
      message: 'template error: "foo" is not defined here',
      file: '/p/t.hbs',
      line: 2,
      col: 4,
      hint: 'check the spelling; see the README for the fields templates get',
    });
  });

  it('a partial whose computed name does not exist, at the tag that computes it', () => {
    expect(runtime('x\n {{> (lookup . "p")}}', { p: 'nope' })).toMatchObject({
      message: 'missing partial "nope" (its name was computed while rendering)',
      line: 2,
      col: 2,
      hint: 'partials come from templates/partials/<name>.hbs; names are not paths',
    });
  });

  it('a helper error keeps its own message', () => {
    expect(runtime('{{md a b}}', { a: 1, b: 2 })).toMatchObject({
      message: 'template error: "md" takes exactly one value, e.g. {{md title}}',
      line: 1,
      col: 1,
      hint: 'see the README for the helpers and fields templates get',
    });
  });

  it('anything else thrown becomes a diagnostic at line 1', () => {
    expect(templateError(new Error('boom - 4:2'), 'f.hbs', '')).toMatchObject({
      message: 'template error: boom',
      line: 1,
      col: 1,
    });
    expect(templateError('plain', 'f.hbs', '').message).toBe('template error: plain');
  });
});
