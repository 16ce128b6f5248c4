/** Every default of deckhand.config.yaml in one place. */
export const CONFIG_FILE = 'deckhand.config.yaml';

/** Their labels come from the string tables (`audiencePatient`…), in every language shipped. */
export const DEFAULT_AUDIENCES = {
  patient: { readingGrade: 8, fontSize: 13 },
  student: { readingGrade: 12, fontSize: 11 },
  clinician: { fontSize: 11 },
} as const;

export const DEFAULTS = {
  content: 'content',
  output: 'output',
  templates: 'templates',
  lang: 'en',
  slides: { theme: 'deckhand', size: '16:9', paginate: true, accent: null, body: 'auto', pdfEngine: 'auto' },
  handout: { pageSize: 'LETTER', footer: 'This handout does not replace advice from your health care team.' },
  lint: { readability: 'warning' },
  notes: { miniatures: 'drawn', lines: true },
  slidesHandout: { layout: 3, order: 'horizontal', lines: true, miniatures: 'drawn' },
  /** What a build makes for an audience without `formats` when `-f` is not given. */
  formats: ['slides', 'handout'],
  /** An audience's settings when the config gives none (its label: the name, capitalised). */
  audience: { fontSize: 11, glossary: 'list' },
  /**
   * Defaults that follow an audience's name: a `patient` audience gets glossary definitions inline,
   * where a reader meets the term (plain-language guidance), whichever config defines it.
   */
  audienceByName: { patient: { glossary: 'inline' } } as Record<string, { glossary?: 'inline' | 'list' | 'none' }>,
} as const;
