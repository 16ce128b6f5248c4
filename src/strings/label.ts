import { t } from './strings.js';

/** The label keys of the section kinds that show one (warning, call, tip boxes). */
export const KIND_LABEL_KEYS = { warning: 'kindWarning', call: 'kindCall', tip: 'kindTip' } as const;

/**
 * A printed label in `lang`; a language deckhand has no table for gets the English one (a label is
 * furniture: a missing translation must not stop a build).
 */
export function label(key: string, lang: string, values: Readonly<Record<string, string | number>> = {}): string {
  try {
    return t(key, lang, values);
  } catch {
    return t(key, 'en', values);
  }
}
