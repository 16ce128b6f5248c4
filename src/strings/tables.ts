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
  slideNumber: 'Slide {n}',
  slideAlt: 'Slide {n}: {title}',
  untitledSlide: 'Untitled slide',
  notesContinued: 'Slide {n} — notes (continued)',
  speakerNotes: 'Speaker notes',
  notesTitle: '{title}: speaker notes',
  slidesTitle: '{title}: slides',
};

export const es: StringTable = {
  mainMessage: 'El mensaje principal',
  wordsToKnow: 'Palabras que debe conocer',
  references: 'Referencias',
  continued: '(continuación)',
  pageOf: 'Página {page} de {pages}',
  slideNumber: 'Diapositiva {n}',
  slideAlt: 'Diapositiva {n}: {title}',
  untitledSlide: 'Diapositiva sin título',
  notesContinued: 'Diapositiva {n} — notas (continuación)',
  speakerNotes: 'Notas del orador',
  notesTitle: '{title}: notas del orador',
  slidesTitle: '{title}: diapositivas',
};

export const fr: StringTable = {
  mainMessage: 'Le message principal',
  wordsToKnow: 'Mots à connaître',
  references: 'Références',
  continued: '(suite)',
  pageOf: 'Page {page} sur {pages}',
  slideNumber: 'Diapositive {n}',
  slideAlt: 'Diapositive {n} : {title}',
  untitledSlide: 'Diapositive sans titre',
  notesContinued: 'Diapositive {n} — notes (suite)',
  speakerNotes: 'Notes de l’orateur',
  notesTitle: '{title} : notes de l’orateur',
  slidesTitle: '{title} : diapositives',
};

export const de: StringTable = {
  mainMessage: 'Das Wichtigste',
  wordsToKnow: 'Wichtige Begriffe',
  references: 'Quellen',
  continued: '(Fortsetzung)',
  pageOf: 'Seite {page} von {pages}',
  slideNumber: 'Folie {n}',
  slideAlt: 'Folie {n}: {title}',
  untitledSlide: 'Folie ohne Titel',
  notesContinued: 'Folie {n} — Notizen (Fortsetzung)',
  speakerNotes: 'Sprechernotizen',
  notesTitle: '{title}: Sprechernotizen',
  slidesTitle: '{title}: Folien',
};

export const pt: StringTable = {
  mainMessage: 'A mensagem principal',
  wordsToKnow: 'Palavras que deve conhecer',
  references: 'Referências',
  continued: '(continuação)',
  pageOf: 'Página {page} de {pages}',
  slideNumber: 'Diapositivo {n}',
  slideAlt: 'Diapositivo {n}: {title}',
  untitledSlide: 'Diapositivo sem título',
  notesContinued: 'Diapositivo {n} — notas (continuação)',
  speakerNotes: 'Notas do orador',
  notesTitle: '{title}: notas do orador',
  slidesTitle: '{title}: diapositivos',
};

/** The shipped tables by primary language subtag. */
export const BUILT_IN: Readonly<Record<string, StringTable>> = { en, es, fr, de, pt };
