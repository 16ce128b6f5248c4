import { footerFor, labelFor } from '../config/lang-text.js';
import type { Audience, ResolvedConfig } from '../config/types.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { lookupString } from '../strings/strings.js';
import { BUILT_IN } from '../strings/tables.js';

/** What the page furniture of one audience prints in one language. */
export interface LocalFurniture {
  lang: string;
  /** Every string known for the language (shipped tables + `strings.<lang>` overrides), for the `t` helper. */
  strings: Record<string, string>;
  label: string;
  footer: string;
}

/** Keys the renderers print themselves (not through a template), so they must exist for every language built. */
const RENDERER_KEYS = ['pageOf'] as const;

/**
 * The furniture of `audience` in `lang`, or the problems: a label, footer or renderer string this
 * language has none of is an error naming what to add — never a silent English word.
 */
export function localFurniture(
  audience: Audience,
  lang: string,
  config: ResolvedConfig,
  file: string,
): { furniture?: LocalFurniture; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = { file: config.file ?? file };
  const missing = (what: string, hint: string) =>
    diagnostics.push(error(Codes.stringMissing, `${what} has no text for language "${lang}"`, { ...at, hint }));
  const label = labelFor(audience, lang, config);
  if (label === undefined)
    missing(
      `the label of audience "${audience.name}"`,
      `write it per language in the config: audiences: {${audience.name}: {label: {default: …, ${lang}: …}}}`,
    );
  const footer = footerFor(audience, lang, config);
  if (footer === undefined)
    missing(
      audience.footer !== null ? `the footer of audience "${audience.name}"` : 'the handout footer',
      audience.footer !== null
        ? `write it per language: audiences: {${audience.name}: {footer: {default: …, ${lang}: …}}}`
        : `write it per language: handout: {footer: {default: …, ${lang}: …}}, or add strings.${lang}.footer`,
    );
  const strings = stringsFor(lang, config);
  for (const key of RENDERER_KEYS)
    if (strings[key] === undefined) missing(`the string "${key}"`, stringHint(lang, key));
  if (diagnostics.length) return { diagnostics };
  return { furniture: { lang, strings, label: label!, footer: footer! }, diagnostics };
}

/** Every key known in any table or override, looked up for `lang` by BCP 47 fallback. */
export function stringsFor(lang: string, config: Pick<ResolvedConfig, 'strings'>): Record<string, string> {
  const keys = new Set([
    ...Object.values(BUILT_IN).flatMap((t) => Object.keys(t)),
    ...Object.values(config.strings).flatMap((t) => Object.keys(t)),
  ]);
  const out: Record<string, string> = {};
  for (const key of [...keys].sort()) {
    const found = lookupString(key, lang, config.strings);
    if (found !== undefined) out[key] = found;
  }
  return out;
}

export function stringHint(lang: string, key: string): string {
  return `add strings.${lang}.${key} to the config (shipped languages: ${Object.keys(BUILT_IN).join(', ')})`;
}
