import type Handlebars from 'handlebars';
import { commentText, imageAlt, mdInline, mdParagraphs, mdUrl, noteText } from './escape.js';
import { inlineMarkdown, inlineParagraphs, plainWithMath } from './inline-markdown.js';
import { Codes } from '../errors/codes.js';
import { formatDate, formatNumber } from '../strings/format.js';
import { stripLangSpans } from '../content/lang-span.js';

type Options = {
  name?: string;
  loc?: { start: { line: number; column: number } };
  hash?: Record<string, unknown>;
  data?: { root?: { lang?: unknown; strings?: unknown } };
};

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
  // Plain-text places carry no language marks (see src/content/lang-span.ts).
  text('comment', (s) => commentText(stripLangSpans(s)));
  text('note', (s) => noteText(stripLangSpans(s)));
  text('imageAlt', (s) => imageAlt(stripLangSpans(s)));
  text('url', (s) => mdUrl(stripLangSpans(s)));
  // A JSON string is a valid YAML scalar: safe in front matter whatever the text holds.
  text('yaml', (s) => JSON.stringify(stripLangSpans(s)));
  // {{t "mainMessage"}}, {{t "pageOf" page=1 pages=2}}: the context's string table for its language
  // (shipped tables + the config's `strings.<lang>`). A key the language lacks is an error naming it.
  hb.registerHelper('t', (...args: unknown[]) => {
    const options = args.at(-1) as Options;
    const key = args[0];
    if (args.length !== 2 || typeof key !== 'string')
      throw located('"t" takes one string key, e.g. {{t "mainMessage"}}', options);
    const root = options.data?.root ?? {};
    const lang = typeof root.lang === 'string' ? root.lang : 'en';
    const table = (root.strings ?? {}) as Record<string, string>;
    const found = Object.hasOwn(table, key) ? table[key] : undefined;
    if (found === undefined) {
      const e = located(`no "${key}" string for language "${lang}"`, options);
      Object.assign(e, {
        code: Codes.stringMissing,
        hint: `add strings.${lang}.${key} to the config (shipped: en, es, fr, de, pt)`,
      });
      throw e;
    }
    const values = options.hash ?? {};
    return found.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(values, name) ? String(values[name]) : whole,
    );
  });
  // {{formatDate date}}: a YYYY-MM-DD date written for the context's language ("24 de noviembre de 2026").
  hb.registerHelper('formatDate', (...args: unknown[]) => {
    const options = args.at(-1) as Options;
    if (args.length !== 2) throw located('"formatDate" takes one date, e.g. {{formatDate date}}', options);
    if (args[0] === undefined) throw undefinedArgument('formatDate', options);
    const lang = options.data?.root?.lang;
    return args[0] === null ? '' : formatDate(String(args[0]), typeof lang === 'string' ? lang : 'en');
  });
  // {{formatNumber 38.5}}: digits, decimal mark and grouping of the context's language.
  hb.registerHelper('formatNumber', (...args: unknown[]) => {
    const options = args.at(-1) as Options;
    if (args.length !== 2) throw located('"formatNumber" takes one number, e.g. {{formatNumber dose}}', options);
    const n = Number(args[0]);
    if (args[0] === undefined || args[0] === null || Number.isNaN(n)) throw undefinedArgument('formatNumber', options);
    const lang = options.data?.root?.lang;
    return formatNumber(n, typeof lang === 'string' ? lang : 'en');
  });
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
