/**
 * Every word the built-in templates and the page furniture print, per language. Keys are camelCase;
 * `{name}` marks a value filled in by `t`. Each feature adds its keys to every table (a test checks
 * that all tables have the same keys): a missing string must be an error, never an English word.
 */
export type StringTable = Readonly<Record<string, string>>;

export const en: StringTable = {
  mainMessage: 'The main message',
  wordsToKnow: 'Words to know',
  references: 'References',
  continued: '(continued)',
  pageOf: 'Page {page} of {pages}',
};

export const es: StringTable = {
  mainMessage: 'El mensaje principal',
  wordsToKnow: 'Palabras que debe conocer',
  references: 'Referencias',
  continued: '(continuación)',
  pageOf: 'Página {page} de {pages}',
};

export const fr: StringTable = {
  mainMessage: 'Le message principal',
  wordsToKnow: 'Mots à connaître',
  references: 'Références',
  continued: '(suite)',
  pageOf: 'Page {page} sur {pages}',
};

export const de: StringTable = {
  mainMessage: 'Das Wichtigste',
  wordsToKnow: 'Wichtige Begriffe',
  references: 'Quellen',
  continued: '(Fortsetzung)',
  pageOf: 'Seite {page} von {pages}',
};

export const pt: StringTable = {
  mainMessage: 'A mensagem principal',
  wordsToKnow: 'Palavras que deve conhecer',
  references: 'Referências',
  continued: '(continuação)',
  pageOf: 'Página {page} de {pages}',
};

/** The shipped tables by primary language subtag. */
export const BUILT_IN: Readonly<Record<string, StringTable>> = { en, es, fr, de, pt };
