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
  kindWarning: 'Warning',
  kindCall: 'When to call',
  kindTip: 'Tip',
  kindSteps: 'Steps',
  kindQuestions: 'Questions to ask',
  lastReviewed: 'Last reviewed: {date}',
  nextReview: 'Next review due: {date}',
  qrAlt: 'QR code linking to {url}',
  logoAlt: '{name} logo',
};

export const es: StringTable = {
  mainMessage: 'El mensaje principal',
  wordsToKnow: 'Palabras que debe conocer',
  references: 'Referencias',
  continued: '(continuación)',
  pageOf: 'Página {page} de {pages}',
  kindWarning: 'Advertencia',
  kindCall: 'Cuándo llamar',
  kindTip: 'Consejo',
  kindSteps: 'Pasos',
  kindQuestions: 'Preguntas para hacer',
  lastReviewed: 'Última revisión: {date}',
  nextReview: 'Próxima revisión: {date}',
  qrAlt: 'Código QR que enlaza a {url}',
  logoAlt: 'Logotipo de {name}',
};

export const fr: StringTable = {
  mainMessage: 'Le message principal',
  wordsToKnow: 'Mots à connaître',
  references: 'Références',
  continued: '(suite)',
  pageOf: 'Page {page} sur {pages}',
  kindWarning: 'Attention',
  kindCall: 'Quand appeler',
  kindTip: 'Conseil',
  kindSteps: 'Étapes',
  kindQuestions: 'Questions à poser',
  lastReviewed: 'Dernière révision : {date}',
  nextReview: 'Prochaine révision : {date}',
  qrAlt: 'Code QR menant à {url}',
  logoAlt: 'Logo de {name}',
};

export const de: StringTable = {
  mainMessage: 'Das Wichtigste',
  wordsToKnow: 'Wichtige Begriffe',
  references: 'Quellen',
  continued: '(Fortsetzung)',
  pageOf: 'Seite {page} von {pages}',
  kindWarning: 'Warnung',
  kindCall: 'Wann Sie anrufen sollten',
  kindTip: 'Tipp',
  kindSteps: 'Schritte',
  kindQuestions: 'Fragen, die Sie stellen können',
  lastReviewed: 'Zuletzt geprüft: {date}',
  nextReview: 'Nächste Prüfung: {date}',
  qrAlt: 'QR-Code mit Link zu {url}',
  logoAlt: 'Logo von {name}',
};

export const pt: StringTable = {
  mainMessage: 'A mensagem principal',
  wordsToKnow: 'Palavras que deve conhecer',
  references: 'Referências',
  continued: '(continuação)',
  pageOf: 'Página {page} de {pages}',
  kindWarning: 'Atenção',
  kindCall: 'Quando ligar',
  kindTip: 'Dica',
  kindSteps: 'Passos',
  kindQuestions: 'Perguntas a fazer',
  lastReviewed: 'Última revisão: {date}',
  nextReview: 'Próxima revisão: {date}',
  qrAlt: 'Código QR com ligação para {url}',
  logoAlt: 'Logótipo de {name}',
};

/** The shipped tables by primary language subtag. */
export const BUILT_IN: Readonly<Record<string, StringTable>> = { en, es, fr, de, pt };
