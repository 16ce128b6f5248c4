/** Every default of deckhand.config.yaml in one place. */
export const CONFIG_FILE = 'deckhand.config.yaml';

export const DEFAULT_AUDIENCES = {
  patient: { label: 'Patients and families', readingGrade: 8, fontSize: 13 },
  student: { label: 'Students', readingGrade: 12, fontSize: 11 },
  clinician: { label: 'Clinicians', fontSize: 11 },
} as const;

export const DEFAULTS = {
  content: 'content',
  output: 'output',
  templates: 'templates',
  lang: 'en',
  slides: { theme: 'default', size: '16:9', paginate: true },
  handout: { pageSize: 'LETTER', footer: 'This handout does not replace advice from your health care team.' },
  lint: { readability: 'warning' },
} as const;
