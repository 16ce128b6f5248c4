import type { DocTable } from '../source/json-schema.js';

/**
 * What an editor shows for each key of a topic (hover, completion). A key added to the topic schema
 * needs its entry here: tests/source/json-schema.test.ts names any property without one. `<text>` is
 * a string or a map from audience name (or `default`) to string.
 */
const TEXT = ' A string, or a map from audience name (or "default") to the text that audience gets.';
const AUDIENCE_FILTER =
  'Only these audiences get this item (names from deckhand.config.yaml); without it, every audience does.';

export const TOPIC_DOCS: DocTable = {
  $schema: {
    description:
      'The JSON Schema this file follows, for editors (deckhand init writes deckhand.schema.json). Ignored by the ' +
      'build.',
    examples: ['../deckhand.schema.json'],
  },
  title: {
    description: 'The topic title: the title slide and the top of the handout.' + TEXT,
    examples: ['Washing your hands'],
  },
  subtitle: {
    description: 'A line under the title.' + TEXT,
    examples: [{ default: 'Why and how', clinician: 'Hand hygiene in practice' }],
  },
  authors: { description: 'Names shown on the title slide and the handout.', examples: [['A. Author', 'B. Author']] },
  date: { description: 'The date of the content, written YYYY-MM-DD.', examples: ['2026-01-15'] },
  lang: {
    description:
      'The language of the topic as a BCP 47 tag (default: the config’s lang, else en): headings such as "Words to ' +
      'know" and hyphenation follow it.',
    examples: ['en', 'en-GB', 'es', 'fr', 'de', 'pt'],
  },
  audiences: {
    description: 'The audiences this topic is built for (default: every configured audience).',
    examples: [['patient', 'clinician']],
  },
  summary: {
    description: 'The main message: one or two sentences at the start of the deck and the handout.' + TEXT,
    examples: ['Clean hands stop germs from spreading.'],
  },
  sections: { description: 'The content, in order: each section is a slide (or a few) and a part of the handout.' },
  'sections[].id': {
    description:
      'A stable id for the section (lower-case letters, digits and -); default: made from the title. Must be unique ' +
      'in the topic.',
    examples: ['treatment-today'],
  },
  'sections[].title': {
    description: 'The section heading: the slide title and the handout heading.' + TEXT,
    examples: ['Why it matters'],
  },
  'sections[].audience': { description: AUDIENCE_FILTER, examples: [['patient']] },
  'sections[].body': {
    description: 'The section text in Markdown (CommonMark, GFM tables, $math$).' + TEXT,
    examples: ['Germs spread from hands to food, to surfaces and to other people.'],
  },
  'sections[].points': {
    description:
      'Key points: bullets on the slide and in the handout. Each is text, or {text, audience} for some audiences only.',
    examples: [['Wash before you eat.', { text: 'Audit adherence monthly.', audience: ['clinician'] }]],
  },
  'sections[].points[].text': { description: 'The point.' + TEXT, examples: ['Wash before you eat.'] },
  'sections[].points[].audience': { description: AUDIENCE_FILTER, examples: [['clinician']] },
  'sections[].notes': {
    description: 'Speaker notes: in the deck’s presenter view and notes.pdf, never in handouts.' + TEXT,
    examples: ['Ask the room when they last washed their hands.'],
  },
  'sections[].image': {
    description: 'One figure for the section: a PNG, JPEG or SVG file inside the project, with alt text.',
  },
  'sections[].image.src': {
    description:
      'The image file, relative to the topic file (PNG, JPEG or SVG; no URLs, no paths outside the project).',
    examples: ['img/hand-washing.png'],
  },
  'sections[].image.alt': {
    description: 'What the image shows, for readers who cannot see it (screen readers, tagged PDF).' + TEXT,
    examples: ['Hands lathered with soap under a tap'],
  },
  'sections[].image.caption': {
    description: 'A caption printed under the image.' + TEXT,
    examples: ['Twenty seconds of soap and water.'],
  },
  'sections[].slides': {
    description: 'false: leave this section out of the decks (it stays in the handouts).',
    examples: [false],
  },
  'sections[].handout': {
    description: 'false: leave this section out of the handouts (it stays in the decks).',
    examples: [false],
  },
  glossary: {
    description:
      'Terms explained for readers: inline at first use or as a "Words to know" list, as the audience’s glossary ' +
      'setting says.',
  },
  'glossary[].term': { description: 'The word or phrase, as it appears in the text.', examples: ['germs'] },
  'glossary[].definition': {
    description: 'What the term means, in plain words.' + TEXT,
    examples: ['Tiny living things that can make you sick.'],
  },
  'glossary[].audience': { description: AUDIENCE_FILTER, examples: [['patient', 'student']] },
  references: { description: 'Sources, listed at the end of the handout and on a last slide.' },
  'references[].text': {
    description: 'The reference as it is printed.' + TEXT,
    examples: ['WHO Guidelines on Hand Hygiene in Health Care, 2009'],
  },
  'references[].url': {
    description: 'A web address for the reference (http or https).',
    examples: ['https://www.who.int/publications/i/item/9789241597906'],
  },
  'references[].audience': { description: AUDIENCE_FILTER, examples: [['clinician']] },
};

/** The description of a text's map form, and of each audience key in it. */
export const TEXT_VARIANTS = {
  map: 'One text per audience: keys are audience names or "default" (for every audience without its own).',
  default: 'The text for every audience that has no entry of its own.',
  audience: (name: string, label?: string) => `The text for the ${label ? `${label} (${name})` : name} audience.`,
} as const;
