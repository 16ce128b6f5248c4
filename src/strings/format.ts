/**
 * Dates and numbers written for a language with Intl: `2026-11-24` → "November 24, 2026" (en),
 * "24 de noviembre de 2026" (es-US). Numbers follow the tag exactly: `es` writes 38,5 and `es-US`
 * 38.5 — which is why a US clinic's Spanish handouts use `es-US` (a decimal comma next to a US dose
 * is a hazard).
 */
export function formatDate(iso: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(safeTag(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function formatNumber(value: number, lang: string, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(safeTag(lang), options).format(value);
}

/** A language's name in another language: `languageName('en', 'es-US')` → "inglés". */
export function languageName(lang: string, inLang: string): string {
  try {
    return new Intl.DisplayNames([safeTag(inLang)], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** Intl throws on a tag it cannot parse; the schema lets only well-formed tags through, but be safe. */
function safeTag(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
