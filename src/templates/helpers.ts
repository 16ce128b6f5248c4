import type Handlebars from 'handlebars';
import { commentText, imageAlt, mdInline, mdParagraphs, mdUrl, noteText } from './escape.js';
import { inlineMarkdown, inlineParagraphs, plainWithMath } from './inline-markdown.js';
import { registerStringHelper } from './string-helper.js';

type Options = { name?: string; loc?: { start: { line: number; column: number } } };

/** Built-in helpers; every template and partial can use them. */
export function registerHelpers(hb: typeof Handlebars): void {
  const safe = (s: string) => new hb.SafeString(s);
  // Handlebars' strict mode does not check helper arguments, so a misspelt field would render as
  // nothing. Every field deckhand passes exists (absent optional text is null), so undefined is a typo.
  const text = (name: string, fn: (s: string) => string) =>
    hb.registerHelper(name, (...args: unknown[]) => {
      const options = args.at(-1) as Options;
      if (args.length !== 2) throw located(`"${name}" takes exactly one value, e.g. {{${name} title}}`, options);
      const value = args[0];
      if (value === undefined) throw undefinedArgument(name, options);
      return safe(fn(value === null ? '' : String(value)));
    });
  text('md', mdInline);
  text('mdParagraphs', mdParagraphs);
  text('inline', inlineMarkdown);
  text('inlineParagraphs', inlineParagraphs);
  text('mdMath', plainWithMath);
  text('comment', commentText);
  text('note', noteText);
  text('imageAlt', imageAlt);
  text('url', mdUrl);
  // A JSON string is a valid YAML scalar: safe in front matter whatever the text holds.
  text('yaml', (s) => JSON.stringify(s));
  registerStringHelper(hb);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
  hb.registerHelper('join', (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : '',
  );

  // Strict mode does not cover block parameters either: `{{#each sectons}}` would render nothing.
  for (const name of ['if', 'unless', 'each', 'with']) {
    const builtin = hb.helpers[name]!;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      if (args.length === 2 && args[0] === undefined) throw undefinedArgument(`#${name}`, args[1] as Options);
      return (builtin as (...a: unknown[]) => unknown).apply(this, args);
    });
  }
}

function undefinedArgument(helper: string, options: Options): Error {
  return located(`"${helper}" was given a field that does not exist (a misspelt name?)`, options);
}

/** An error Handlebars-style: template-errors.ts reads the position from these fields. */
function located(message: string, options: Options | undefined): Error {
  const e = new Error(message) as Error & { lineNumber?: number; column?: number };
  e.lineNumber = options?.loc?.start.line;
  e.column = options?.loc?.start.column;
  return e;
}
