/** Stable diagnostic codes. Tests and users grep for these; never rename one. */
export const Codes = {
  fileRead: 'DH_FILE_READ',
  fileEncoding: 'DH_FILE_ENCODING',
  fileTooLarge: 'DH_FILE_TOO_LARGE',
  fileEmpty: 'DH_FILE_EMPTY',
  yamlSyntax: 'DH_YAML_SYNTAX',
  yamlDuplicateKey: 'DH_YAML_DUPLICATE_KEY',
  yamlTag: 'DH_YAML_TAG',
  yamlAlias: 'DH_YAML_ALIAS',
  yamlDepth: 'DH_YAML_DEPTH',
  schema: 'DH_SCHEMA',
  unknownKey: 'DH_UNKNOWN_KEY',
  unknownAudience: 'DH_UNKNOWN_AUDIENCE',
  missingVariant: 'DH_MISSING_VARIANT',
  duplicateId: 'DH_DUPLICATE_ID',
  image: 'DH_IMAGE',
  config: 'DH_CONFIG',
  template: 'DH_TEMPLATE',
  render: 'DH_RENDER',
  handout: 'DH_HANDOUT',
  missingGlyph: 'DH_MISSING_GLYPH',
  math: 'DH_MATH',
  // printouts (notes.pdf, slides-handout.pdf, drawn slides.pdf)
  smallPrint: 'DH_SMALL_PRINT',
  miniature: 'DH_MINIATURE',
  output: 'DH_OUTPUT',
  noTopics: 'DH_NO_TOPICS',
  topicName: 'DH_TOPIC_NAME',
  // deckhand print: the personal data file
  data: 'DH_DATA',
  unknownLanguage: 'DH_UNKNOWN_LANGUAGE',
  // lint (src/lint/): reading level and plain language
  imageAlt: 'DH_IMAGE_ALT',
  readability: 'DH_READABILITY',
  longSentence: 'DH_LONG_SENTENCE',
  longList: 'DH_LONG_LIST',
  uncommonWord: 'DH_UNCOMMON_WORD',
  missingSummary: 'DH_MISSING_SUMMARY',
  /** A topic's lint.ignore entry that silences nothing. */
  lintIgnore: 'DH_LINT_IGNORE',
  // translations and languages (issue 17)
  stringMissing: 'DH_STRING_MISSING',
  translationMissing: 'DH_TRANSLATION_MISSING',
  translationStale: 'DH_TRANSLATION_STALE',
  translation: 'DH_TRANSLATION',
  unsupportedScript: 'DH_UNSUPPORTED_SCRIPT',
  spanishEnglishWord: 'DH_ENGLISH_WORD',
  // lint: content review dates (topic reviewed / reviewBy, config review)
  reviewDue: 'DH_REVIEW_DUE',
  reviewMissing: 'DH_REVIEW_MISSING',
} as const;

export type Code = (typeof Codes)[keyof typeof Codes];
