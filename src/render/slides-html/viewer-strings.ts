import { MissingStringError, t } from '../../strings/strings.js';

/** The keys of the viewer's words (src/strings/tables.ts has them in every language). */
export const VIEWER_KEYS = [
  'viewerNext',
  'viewerPrevious',
  'viewerFirstLast',
  'viewerBlack',
  'viewerWhite',
  'viewerOverview',
  'viewerGoTo',
  'viewerFullscreen',
  'viewerPresenter',
  'viewerHelp',
  'viewerClose',
  'viewerSpace',
  'viewerClick',
  'viewerPresenterTitle',
  'viewerTimer',
  'viewerEnd',
  'viewerCount',
  'viewerNoNotes',
] as const;

/**
 * The viewer's words in the deck's language. The viewer is page furniture, not content: a language
 * without a table falls back to English rather than failing the deck.
 */
export function viewerStrings(lang: string): Record<string, string> {
  const word = (key: string) => {
    try {
      return t(key, lang);
    } catch (e) {
      if (e instanceof MissingStringError) return t(key, 'en');
      throw e;
    }
  };
  return Object.fromEntries(VIEWER_KEYS.map((k) => [k, word(k)]));
}
