import type Handlebars from 'handlebars';
import { commentText, imageAlt, mdInline, mdParagraphs, mdUrl, noteText } from './escape.js';

type Options = { loc?: { start: { line: number; column: number } } };

/** Built-in helpers; every template and partial can use them. */
export function registerHelpers(hb: typeof Handlebars): void {
  const safe = (s: string) => new hb.SafeString(s);
  // Handlebars' strict mode does not check helper arguments, so a misspelt field would render as
  // nothing. Every field deckhand passes exists (absent optional text is null), so undefined is a typo.
  const text = (name: string, fn: (s: string) => string) =>
    hb.registerHelper(name, (value: unknown, options: Options) => {
      if (value === undefined) throw undefinedArgument(name, options);
      return safe(fn(value === null ? '' : String(value)));
    });
  text('md', mdInline);
  text('mdParagraphs', mdParagraphs);
  text('comment', commentText);
  text('note', noteText);
  text('imageAlt', imageAlt);
  text('url', mdUrl);
  // A JSON string is a valid YAML scalar: safe in front matter whatever the text holds.
  text('yaml', (s) => JSON.stringify(s));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : ''));
}

function undefinedArgument(helper: string, options: Options): Error {
  const e = new Error(`"${helper}" was given a field that does not exist (a misspelt name?)`) as Error & { lineNumber?: number; column?: number };
  e.lineNumber = options.loc?.start.line;
  e.column = options.loc?.start.column;
  return e;
}
