import type Handlebars from 'handlebars';
import { MissingStringError, t } from '../strings/strings.js';
import { mdInline } from './escape.js';

type Options = {
  hash?: Record<string, unknown>;
  data?: { root?: { lang?: unknown } };
  loc?: { start: { line: number; column: number } };
};

/**
 * `{{t "key"}}`: a word of the page furniture in the topic's language (`lang` of the template's data),
 * from the string tables (src/strings). Values fill `{name}` placeholders, given as hash arguments
 * (`{{t "preparedFor" patient=visit.patient}}`); they are plain text, escaped for Markdown, so a
 * value can never add Markdown of its own. A language without the string is a template error
 * naming the key, never an English word.
 */
export function registerStringHelper(hb: typeof Handlebars): void {
  hb.registerHelper('t', (...args: unknown[]) => {
    const options = args.at(-1) as Options;
    const key = args[0];
    if (args.length !== 2 || typeof key !== 'string')
      throw located('"t" takes the key of a string, e.g. {{t "mainMessage"}}', options);
    const lang = typeof options.data?.root?.lang === 'string' ? options.data.root.lang : 'en';
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.hash ?? {})) {
      if (value === undefined) throw located(`"t" was given a field that does not exist for "${name}"`, options);
      values[name] = mdInline(value === null ? '' : String(value));
    }
    try {
      // The string itself is the project's own text: escaped like a value, so it prints as written.
      const escaped = t(key, lang, {}, undefined);
      return new hb.SafeString(mdInline(escaped).replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole));
    } catch (e) {
      if (e instanceof MissingStringError)
        throw located(
          `no "${e.key}" string for language "${e.lang}" (a misspelt key, or a language without it)`,
          options,
        );
      throw e;
    }
  });
}

/** An error Handlebars-style: template-errors.ts reads the position from these fields. */
function located(message: string, options: Options | undefined): Error {
  const e = new Error(message) as Error & { lineNumber?: number; column?: number };
  e.lineNumber = options?.loc?.start.line;
  e.column = options?.loc?.start.column;
  return e;
}
