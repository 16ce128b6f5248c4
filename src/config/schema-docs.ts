import type { DocTable } from '../source/json-schema.js';

/**
 * What an editor shows for each key of deckhand.config.yaml. A key added to the config schema needs its
 * entry here: tests/source/json-schema.test.ts names any property without one.
 */
const MINIATURES =
  'How slide pictures are made: drawn (by deckhand from the deck, no browser needed) or exact (printed by Chromium, ' +
  'as the HTML deck looks).';

export const CONFIG_DOCS: DocTable = {
  $schema: {
    description:
      'The JSON Schema this file follows, for editors (deckhand init writes deckhand.config.schema.json). Ignored by ' +
      'the build.',
  },
  content: { description: 'The folder of topic files, relative to this file.', examples: ['content'] },
  output: { description: 'Where the build writes, relative to this file (-o overrides it).', examples: ['output'] },
  templates: {
    description:
      'The folder of your own templates (slides.md.hbs, handout.md.hbs, partials); missing files fall back to the ' +
      'built-in ones.',
    examples: ['templates'],
  },
  lang: {
    description: 'The language of topics that do not say (BCP 47 tag): the words deckhand prints itself follow it.',
    examples: ['en', 'es', 'fr', 'de', 'pt'],
  },
  audiences: {
    description:
      'The audiences, in build order; replaces the default set (patient, student, clinician). Keys are names in ' +
      'lower case; an empty value takes every default.',
    examples: [{ patient: { label: 'Patients and families', readingGrade: 8 }, clinician: null }],
  },
  'audiences.*.label': { description: 'The audience’s name as readers see it.', examples: ['Patients and families'] },
  'audiences.*.hyphenate': {
    description:
      'Split words at line ends in the handout, with the language’s patterns (default: off for audiences with a ' +
      'readingGrade, on for the others).',
    examples: [false],
  },
  'audiences.*.readingGrade': {
    description:
      'The school grade the text should read at (deckhand lint warns above it); without it the text is scored, not ' +
      'checked.',
    examples: [8, 12],
  },
  'audiences.*.fontSize': { description: 'Handout body text size in points (6–32).', examples: [11, 13] },
  'audiences.*.theme': {
    description: 'A slide theme for this audience only: a built-in name or a path to a Marp theme CSS file.',
    examples: ['deckhand-dark', './themes/clinic.css'],
  },
  'audiences.*.glossary': {
    description:
      'How glossary terms are explained: inline (at first use; the default for "patient"), list (a "Words to know" ' +
      'list) or none.',
    examples: ['inline', 'list'],
  },
  'audiences.*.formats': {
    description: 'What a build makes for this audience when -f is not given (default: slides, handout).',
    examples: [['slides', 'handout', 'notes']],
  },
  'audiences.*.fonts': {
    description: 'This audience’s handout (and deck) fonts, over handout.fonts: a list, first choice first.',
    examples: [['Atkinson Hyperlegible', 'DejaVu Sans']],
  },
  'audiences.*.accent': {
    description: 'An accent colour for this audience’s decks, as #rgb or #rrggbb.',
    examples: ['#0f7b8a'],
  },
  slides: { description: 'Slide deck settings for every audience.' },
  'slides.theme': {
    description: 'The deck theme: deckhand, deckhand-dark, default, gaia, uncover, or a path to a Marp theme CSS file.',
    examples: ['deckhand', './themes/clinic.css'],
  },
  'slides.size': { description: 'The slide shape.', examples: ['16:9'] },
  'slides.paginate': { description: 'Slide numbers on every slide but the title.', examples: [true] },
  'slides.pdfEngine': {
    description:
      'What prints slides.pdf: chromium (the HTML deck in a browser), deckhand (drawn without a browser) or auto ' +
      '(Chromium when one is found).',
    examples: ['auto'],
  },
  'slides.accent': {
    description: 'The accent colour of the decks, as #rgb or #rrggbb (default: the theme’s own).',
    examples: ['#0f7b8a'],
  },
  'slides.body': {
    description:
      'Where a section’s body goes in the deck: auto (on the slide when the section has no points, else in the ' +
      'notes), always, notes or never.',
    examples: ['auto'],
  },
  handout: { description: 'Handout settings for every audience.' },
  'handout.pageSize': { description: 'The paper size of handouts.', examples: ['LETTER', 'A4'] },
  'handout.footer': {
    description: 'A line printed at the foot of every handout page.',
    examples: ['This handout does not replace advice from your health care team.'],
  },
  'handout.fonts': {
    description:
      'The handout’s font families, first choice first: each character is set in the first family that has it ' +
      '(DejaVu Sans ends every chain). A built-in family — DejaVu Sans (default) or Atkinson Hyperlegible (made ' +
      'for low-vision readers) — or your own TTF/OTF files. The deck uses the first family too.',
    examples: [
      ['Atkinson Hyperlegible', 'DejaVu Sans'],
      [{ name: 'Clinic Sans', regular: 'fonts/ClinicSans-Regular.ttf', bold: 'fonts/ClinicSans-Bold.ttf' }],
    ],
  },
  notes: { description: 'notes.pdf (-f notes): one slide a page with its speaker notes below.' },
  'notes.miniatures': { description: MINIATURES, examples: ['drawn'] },
  'notes.lines': { description: 'Ruled lines to write on below a slide that has no notes.', examples: [true] },
  slidesHandout: { description: 'slides-handout.pdf (-f slides-handout): several slides a page to take notes on.' },
  'slidesHandout.layout': {
    description: 'Slides a page: 1, 2, 3 (with lines for notes beside them), 4, 6 or 9.',
    examples: [3, 6],
  },
  'slidesHandout.order': {
    description: 'With 4 or more a page: slides in rows (horizontal) or in columns (vertical).',
    examples: ['horizontal'],
  },
  'slidesHandout.lines': { description: 'Ruled lines for notes beside each slide (layout 3).', examples: [true] },
  'slidesHandout.miniatures': { description: MINIATURES, examples: ['drawn'] },
  lint: { description: 'deckhand lint and the checks a build runs.' },
  'lint.readability': {
    description: 'A text above its audience’s reading grade is a warning, or an error (the build fails).',
    examples: ['warning'],
  },
  strings: {
    description:
      'Words deckhand prints, per language (BCP 47 tag) and key: adds a language or overrides a shipped string, e.g. ' +
      'strings.es-US.mainMessage.',
    examples: [{ 'es-US': { mainMessage: 'Lo más importante' } }],
  },
  translations: { description: 'How translated topics (content/<slug>.<lang>.yaml) are built.' },
  'translations.fallback': {
    description:
      'none (default): a section without a translation is an error (DH_TRANSLATION_MISSING); source: the source text ' +
      'is used, marked as in the source language.',
    examples: ['source'],
  },
};
