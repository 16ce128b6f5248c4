import { MissingStringError, t } from '../../strings/strings.js';
import { RenderError } from '../types.js';

/** A printout's words in the deck's language; a language without them is an error the user can act on. */
export function say(key: string, lang: string, values: Readonly<Record<string, string | number>> = {}): string {
  try {
    return t(key, lang, values);
  } catch (e) {
    if (!(e instanceof MissingStringError)) throw e;
    throw new RenderError(
      `the printouts have no "${key}" string for the language "${lang}"`,
      'printouts are written in en, es, fr, de and pt; set the topic’s lang to one of them',
    );
  }
}
