import { z } from 'zod';

/** `<text>`: one string for everyone, or a map from audience name (or `default`) to string. */
export const TextSchema = z.union([z.string(), z.record(z.string(), z.string())]);
/**
 * A reference link: http(s) only (no javascript:, file: or data:), and no spaces, quotes, angle
 * brackets or line breaks, which the URL parser would quietly drop or encode but which would break
 * out of a Markdown link in a template.
 */
const WebUrl = z
  .string()
  .refine(
    (s) => /^https?:\/\/[^\s<>"`\\\p{Cc}]+$/u.test(s) && URL.canParse(s),
    'must be a web address starting with http:// or https://, without spaces',
  )
  .meta({ format: 'uri', pattern: '^https?://' });

const AudienceList = z.array(z.string().min(1)).min(1);

const PointSchema = z.union([z.strictObject({ text: TextSchema, audience: AudienceList.optional() }), TextSchema]);

const ImageSchema = z.strictObject({
  src: z.string().min(1),
  alt: TextSchema,
  caption: TextSchema.optional(),
});

/** What a section is for; the handout and the deck style each kind (boxes, numbered steps, a checklist). */
export const SECTION_KINDS = ['warning', 'call', 'steps', 'questions', 'tip'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s),
    'must be a real calendar date',
  );

export const SectionSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and - (e.g. "treatment-today")')
    .optional(),
  title: TextSchema,
  audience: AudienceList.optional(),
  body: TextSchema.optional(),
  points: z.array(PointSchema).optional(),
  notes: TextSchema.optional(),
  image: ImageSchema.optional(),
  slides: z.boolean().optional(),
  handout: z.boolean().optional(),
  kind: z
    .enum(SECTION_KINDS)
    .optional()
    .describe(
      'How the section is set: warning and call are strong boxes with an icon and a label, steps a numbered list, ' +
        'questions a checklist with tick boxes, tip a soft box',
    ),
  url: WebUrl.optional().describe(
    'A web page for this section (a video, a form): printed as a QR code with the address under it',
  ),
});

export const TopicSchema = z.strictObject({
  /** Editors' schema reference (`"$schema": "../deckhand.schema.json"` in a JSON topic); the build ignores it. */
  $schema: z.string().optional(),
  title: TextSchema,
  subtitle: TextSchema.optional(),
  authors: z.array(z.string()).optional(),
  date: IsoDate.optional(),
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as en or en-GB')
    .optional(),
  audiences: AudienceList.optional(),
  summary: TextSchema.optional(),
  sections: z.array(SectionSchema).min(1),
  glossary: z
    .array(z.strictObject({ term: z.string().min(1), definition: TextSchema, audience: AudienceList.optional() }))
    .optional(),
  references: z
    .array(z.strictObject({ text: TextSchema, url: WebUrl.optional(), audience: AudienceList.optional() }))
    .optional(),
  url: WebUrl.optional().describe(
    'The online version of this topic: the handout prints it as a QR code, the deck on its last slide',
  ),
  reviewed: IsoDate.optional().describe('When the content was last reviewed as a whole (YYYY-MM-DD)'),
  reviewBy: IsoDate.optional().describe(
    "When the next review is due (YYYY-MM-DD); default: reviewed + the config's review.months",
  ),
  meta: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Free data for templates (course, version, department…), passed to them untouched as `meta`'),
  lint: z
    .strictObject({
      allow: z
        .array(z.string().min(1))
        .optional()
        .describe("Words that are fine for this topic's readers: not counted as hard words and never flagged"),
      ignore: z
        .array(
          z.strictObject({
            code: z
              .string()
              .regex(/^DH_[A-Z_]+$/, 'must be a diagnostic code such as DH_LONG_SENTENCE')
              .describe('The code of the finding to silence (the one in brackets in the lint report)'),
            section: z
              .string()
              .min(1)
              .optional()
              .describe(
                'Only in this section: its id as the lint table shows it, or (summary), (glossary), (whole handout)',
              ),
            audience: z.string().min(1).optional().describe('Only for this audience'),
            reason: z.string().optional().describe('Why the finding is fine here (for the next reviewer)'),
          }),
        )
        .optional()
        .describe(
          'Findings to silence where they occur: each entry a code, with a section (and audience) to narrow it',
        ),
    })
    .optional()
    .describe('Lint settings for this topic'),
});

export type Text = z.infer<typeof TextSchema>;
export type TopicData = z.infer<typeof TopicSchema>;
export type SectionData = z.infer<typeof SectionSchema>;

/** Keys allowed at a path of a topic, for "did you mean". */
export function topicKeysAt(path: readonly (string | number)[]): string[] {
  const names = path.filter((p) => typeof p === 'string');
  if (names.length === 0) return Object.keys(TopicSchema.shape).filter((k) => k !== '$schema');
  const last = names.at(-1);
  if (last === 'sections' && path.length === 2) return Object.keys(SectionSchema.shape);
  if (last === 'image') return Object.keys(ImageSchema.shape);
  if (last === 'points') return ['text', 'audience'];
  if (last === 'glossary') return ['term', 'definition', 'audience'];
  if (last === 'references') return ['text', 'url', 'audience'];
  if (last === 'lint') return ['allow', 'ignore'];
  if (last === 'ignore') return ['code', 'section', 'audience', 'reason'];
  return [];
}
