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
  footer: 'This handout does not replace advice from your health care team.',
  audiencePatient: 'Patients and families',
  audienceStudent: 'Students',
  audienceClinician: 'Clinicians',
  inSourceLanguage: '(in {language})',
  translatedBy: 'Translated by {translator}',
  reviewedBy: 'Reviewed by {reviewer}',
  reviewedOn: 'Reviewed {date}',
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
  footer: 'Esta hoja informativa no reemplaza los consejos de su equipo de salud.',
  audiencePatient: 'Pacientes y familias',
  audienceStudent: 'Estudiantes',
  audienceClinician: 'Profesionales clínicos',
  inSourceLanguage: '(en {language})',
  translatedBy: 'Traducción: {translator}',
  reviewedBy: 'Revisión: {reviewer}',
  reviewedOn: 'Revisado el {date}',
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
  footer: 'Ce document ne remplace pas les conseils de votre équipe soignante.',
  audiencePatient: 'Patients et familles',
  audienceStudent: 'Étudiants',
  audienceClinician: 'Cliniciens',
  inSourceLanguage: '(en {language})',
  translatedBy: 'Traduction : {translator}',
  reviewedBy: 'Relecture : {reviewer}',
  reviewedOn: 'Relu le {date}',
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
  footer: 'Dieses Merkblatt ersetzt nicht den Rat Ihres Behandlungsteams.',
  audiencePatient: 'Patienten und Angehörige',
  audienceStudent: 'Studierende',
  audienceClinician: 'Fachpersonal',
  inSourceLanguage: '(auf {language})',
  translatedBy: 'Übersetzung: {translator}',
  reviewedBy: 'Geprüft von {reviewer}',
  reviewedOn: 'Geprüft am {date}',
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
  footer: 'Este folheto não substitui os conselhos da sua equipe de saúde.',
  audiencePatient: 'Pacientes e familiares',
  audienceStudent: 'Estudantes',
  audienceClinician: 'Profissionais de saúde',
  inSourceLanguage: '(em {language})',
  translatedBy: 'Tradução: {translator}',
  reviewedBy: 'Revisão: {reviewer}',
  reviewedOn: 'Revisado em {date}',
};

/** The shipped tables by primary language subtag. */
export const BUILT_IN: Readonly<Record<string, StringTable>> = { en, es, fr, de, pt };
