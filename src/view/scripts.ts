import type { Audience } from '../config/types.js';
import type { ResolvedTopic } from '../content/types.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';

/*
 * Scripts the built-in fonts (DejaVu Sans, Atkinson Hyperlegible) cannot show, and right-to-left
 * layout, which the typesetter does not do: a clear error naming the language, never boxes of tofu or
 * a handout with its words in the wrong order.
 */

const RTL_LANGS = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);
const RTL_TEXT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u;

const SCRIPTS: { name: string; langs: string[]; text: RegExp; font: string }[] = [
  {
    name: 'Chinese, Japanese or Korean (CJK)',
    langs: ['zh', 'ja', 'ko', 'yue'],
    text: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u,
    font: 'Noto Sans CJK (the OTF or TTF for your language)',
  },
  {
    name: 'Devanagari',
    langs: ['hi', 'mr', 'ne', 'sa'],
    text: /\p{Script=Devanagari}/u,
    font: 'Noto Sans Devanagari',
  },
  { name: 'Bengali', langs: ['bn'], text: /\p{Script=Bengali}/u, font: 'Noto Sans Bengali' },
  { name: 'Thai', langs: ['th'], text: /\p{Script=Thai}/u, font: 'Noto Sans Thai' },
];

const allText = (t: ResolvedTopic) =>
  [
    t.title,
    t.subtitle ?? '',
    t.summary ?? '',
    ...t.sections.flatMap((s) => [s.title, s.body ?? '', ...s.points, s.notes ?? '', s.image?.alt ?? '']),
    ...t.glossary.flatMap((g) => [g.term, g.definition]),
    ...t.references.map((r) => r.text),
  ].join('\n');

/** The unit's language or text needs what deckhand cannot do: the problem, else undefined. */
export function scriptProblem(resolved: ResolvedTopic, audience: Audience, file: string): Diagnostic | undefined {
  const lang = resolved.lang;
  const primary = lang.split('-')[0]!.toLowerCase();
  const text = allText(resolved);
  if (RTL_LANGS.has(primary) || RTL_TEXT.test(text))
    return error(
      Codes.unsupportedScript,
      `right-to-left text (${RTL_LANGS.has(primary) ? `language "${lang}"` : 'Hebrew or Arabic script'}) cannot be ` +
        `laid out yet: deckhand sets lines left to right only`,
      {
        file,
        hint:
          'right-to-left handouts and decks are not supported yet; leave this language out of the build (-l) ' +
          'until they are',
      },
    );
  // A project font may cover the script: then the glyph check at render time has the last word.
  const ownFonts = (audience.handout.fonts ?? []).some((f) => typeof f !== 'string');
  if (ownFonts) return undefined;
  for (const s of SCRIPTS) {
    if (!s.langs.includes(primary) && !s.text.test(text)) continue;
    return error(
      Codes.unsupportedScript,
      `the built-in fonts have no ${s.name} characters (language "${lang}"): the handout would print empty boxes`,
      {
        file,
        hint:
          `add a font that has them, e.g. ${s.font}: handout: {fonts: [{name: …, regular: fonts/….ttf}, "DejaVu ` +
          `Sans"]} in the config (TTF or OTF)`,
      },
    );
  }
  return undefined;
}
