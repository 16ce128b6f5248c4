import { langChain, lookupString } from '../strings/strings.js';
import { languageName } from '../strings/format.js';
import type { Audience, LangText, ResolvedConfig } from './types.js';

/**
 * Furniture text for one language: from a map, the most specific tag of `lang`'s chain (`es-US`, then
 * `es`), then `default`; a plain string is text in the config's language (`configLang`) only, so it
 * never shows up as a silent English word in a Spanish handout. Undefined: nothing for this language.
 */
export function pickLangText(value: LangText | null | undefined, lang: string, configLang: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return samePrimary(lang, configLang) ? value : undefined;
  const own = Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), v]));
  for (const tag of langChain(lang)) if (own[tag] !== undefined) return own[tag];
  return own.default;
}

/** `es-US` and `es` are the same language for furniture text written once. */
export function samePrimary(a: string, b: string): boolean {
  return a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();
}

/** The string-table key of a built-in audience's label: `audiencePatient`. */
export function builtInLabelKey(name: string): string {
  const camel = name.slice(1).replace(/[-_](\w)/g, (_, c: string) => c.toUpperCase());
  return `audience${name.charAt(0).toUpperCase()}${camel}`;
}

/** An audience's label in `lang`: configured, else the built-in one, else (config language only) its name. */
export function labelFor(
  audience: Pick<Audience, 'name' | 'labels'>,
  lang: string,
  config: Pick<ResolvedConfig, 'lang' | 'strings'>,
): string | undefined {
  return (
    pickLangText(audience.labels, lang, config.lang) ??
    lookupString(builtInLabelKey(audience.name), lang, config.strings) ??
    (samePrimary(lang, config.lang) ? audience.name.charAt(0).toUpperCase() + audience.name.slice(1) : undefined)
  );
}

/**
 * An audience's handout footer in `lang`: its own, else `handout.footer`, else the built-in disclaimer,
 * which speaks to patients: by default only audiences with a reading target get it ('' for the others).
 */
export function footerFor(
  audience: Pick<Audience, 'footer' | 'readingGrade'>,
  lang: string,
  config: Pick<ResolvedConfig, 'lang' | 'strings' | 'handout'>,
): string | undefined {
  if (audience.footer !== null) return pickLangText(audience.footer, lang, config.lang);
  const configured = config.handout.footers;
  if (configured !== null && configured !== undefined) return pickLangText(configured, lang, config.lang);
  if (audience.readingGrade === undefined) return '';
  return lookupString('footer', lang, config.strings);
}

/** The visible mark after a text shown in the source language: "(en inglés)" in a Spanish handout. */
export function fallbackMarker(lang: string, sourceLang: string, config: Pick<ResolvedConfig, 'strings'>): string {
  const language = languageName(sourceLang.split('-')[0]!, lang);
  const found = lookupString('inSourceLanguage', lang, config.strings);
  return found === undefined ? `(${language})` : found.replace('{language}', language);
}
