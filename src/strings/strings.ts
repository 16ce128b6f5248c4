import { BUILT_IN, type StringTable } from './tables.js';

/** Thrown when a language has no string for a key: the caller turns it into a positioned diagnostic. */
export class MissingStringError extends Error {
  constructor(
    readonly key: string,
    readonly lang: string,
  ) {
    super(`no "${key}" string for language "${lang}"`);
  }
}

/**
 * The lookup chain of a BCP 47 tag, most specific first: `es-US` → `es-US`, `es`.
 * Tags compare case-insensitively, as BCP 47 says.
 */
export function langChain(lang: string): string[] {
  const parts = lang.toLowerCase().split('-');
  const chain: string[] = [];
  for (let i = parts.length; i > 0; i--) chain.push(parts.slice(0, i).join('-'));
  return chain;
}

/**
 * `overrides` are the config's `strings.<lang>` maps (keys are tags, any case); they win over the
 * shipped tables at each step of the chain.
 */
export function lookupString(
  key: string,
  lang: string,
  overrides: Readonly<Record<string, StringTable>> = {},
): string | undefined {
  const own = Object.fromEntries(Object.entries(overrides).map(([tag, table]) => [tag.toLowerCase(), table]));
  for (const tag of langChain(lang)) {
    const found = own[tag]?.[key] ?? BUILT_IN[tag]?.[key];
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The string for `key` in `lang`, with `{name}` filled from `values`; throws MissingStringError. */
export function t(
  key: string,
  lang: string,
  values: Readonly<Record<string, string | number>> = {},
  overrides?: Readonly<Record<string, StringTable>>,
): string {
  const found = lookupString(key, lang, overrides);
  if (found === undefined) throw new MissingStringError(key, lang);
  return found.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
