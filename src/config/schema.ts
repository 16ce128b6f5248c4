import { z } from 'zod';

/**
 * Every `-f` format deckhand has (src/render/registry.ts; tests/render/registry.test.ts checks that the two agree).
 * The config names them, so a typo is a positioned error at load time, not at the end of a build.
 */
export const FORMATS = ['slides', 'handout', 'slides-pdf', 'pptx', 'notes', 'slides-handout'] as const;
/** An accent colour as CSS hex: #rgb or #rrggbb. */
const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const HEX_MESSAGE = 'must be a hex colour such as "#0f7b8a"';

const audienceName = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, - and _');

const langTag = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as es or es-US');

/**
 * Text a reader sees in the page furniture: one string (in the config's `lang`), or a map from BCP 47
 * tag (or `default`, for every language not listed) to string.
 */
export const LangTextSchema = z.union([
  z.string().min(1),
  z.record(z.union([langTag, z.literal('default')]), z.string().min(1)),
]);

const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb, e.g. "#00573f"')
  .describe('A colour written #rrggbb');

/** The clinic's identity on every output. Every key is optional; an audience can override any of them. */
export const BrandSchema = z
  .strictObject({
    name: z.string().min(1).optional().describe('The clinic or organisation, shown with the logo'),
    logo: z
      .string()
      .min(1)
      .optional()
      .describe('A PNG, JPEG or SVG file inside the project, relative to the config file'),
    logoAlt: z.string().min(1).optional().describe('Alt text of the logo; default: "<name> logo"'),
    phone: z.string().min(1).optional().describe('Phone number printed in the handout footer'),
    website: z.string().min(1).optional().describe('Web address printed in the handout footer'),
    address: z.string().min(1).optional().describe('Postal address printed in the handout footer'),
    color: colour
      .optional()
      .describe('Brand colour (#rrggbb) for the title rule and accents; darkened when needed for contrast'),
  })
  .describe("The clinic's brand: logo and name in the title block, contact line in the footer");

/** A font family: a built-in name, or the project's own files (TTF or OTF) for each style. */
export const FontFamilySchema = z
  .union([
    z.string().min(1).describe('A built-in family: "DejaVu Sans" or "Atkinson Hyperlegible"'),
    z
      .strictObject({
        name: z.string().min(1).describe('The family name, as pdffonts and the deck will show it'),
        regular: z.string().min(1).describe('The regular face: a TTF or OTF file relative to the config file'),
        bold: z.string().min(1).optional().describe('The bold face (default: the regular face)'),
        italic: z.string().min(1).optional().describe('The italic face (default: the regular face)'),
        boldItalic: z.string().min(1).optional().describe('The bold italic face (default: the bold face)'),
      })
      .describe("A family from the project's own font files"),
  ])
  .describe('A font family');

const FontList = z
  .array(FontFamilySchema)
  .min(1)
  .describe('Font families, first choice first: each character is set in the first family that has it');

export const AudienceSettingsSchema = z.strictObject({
  label: LangTextSchema.optional(),
  /** Split words at line ends in the handout (default: off with a readingGrade, on without). */
  hyphenate: z.boolean().optional(),
  readingGrade: z.number().positive().max(20).optional(),
  fontSize: z.number().min(6).max(32).optional(),
  theme: z.string().min(1).optional(),
  glossary: z.enum(['inline', 'list', 'none']).optional(),
  /** The formats a build makes for this audience when `-f` is not given. */
  formats: z.array(z.enum(FORMATS)).min(1).optional(),
  accent: z.string().regex(HEX, HEX_MESSAGE).optional(),
  footer: LangTextSchema.optional().describe(
    "This audience's handout footer, one string or per language (default: the config's handout.footer, " +
      'else the disclaimer when it has a readingGrade)',
  ),
  brand: BrandSchema.optional().describe("Brand settings for this audience, over the config's brand"),
  fonts: FontList.optional().describe("This audience's handout fonts (e.g. a large-print audience)"),
});

const miniatures = z.enum(['drawn', 'exact']);

export const ConfigSchema = z.strictObject({
  /** Editors' schema reference; the build ignores it. */
  $schema: z.string().optional(),
  content: z.string().min(1).optional(),
  output: z.string().min(1).optional(),
  templates: z.string().min(1).optional(),
  // A BCP 47 tag (en, fr-CA, pt-BR): it becomes the HTML and PDF language, which screen readers follow.
  lang: z
    .string()
    .min(2)
    .refine(isLanguageTag, { message: 'not a BCP 47 language tag (e.g. en, fr-CA, pt-BR)' })
    .optional(),
  audiences: z.record(audienceName, AudienceSettingsSchema.nullable()).optional(),
  slides: z
    .strictObject({
      theme: z.string().min(1).optional(),
      size: z.enum(['16:9', '4:3']).optional(),
      paginate: z.boolean().optional(),
      pdfEngine: z.enum(['auto', 'chromium', 'deckhand']).optional(),
      accent: z.string().regex(HEX, HEX_MESSAGE).optional(),
      body: z.enum(['auto', 'always', 'notes', 'never']).optional(),
    })
    .optional(),
  handout: z
    .strictObject({
      pageSize: z.enum(['LETTER', 'A4']).optional(),
      footer: LangTextSchema.optional(),
      fonts: FontList.optional(),
    })
    .optional(),
  notes: z.strictObject({ miniatures: miniatures.optional(), lines: z.boolean().optional() }).optional(),
  slidesHandout: z
    .strictObject({
      layout: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(6), z.literal(9)]).optional(),
      order: z.enum(['horizontal', 'vertical']).optional(),
      lines: z.boolean().optional(),
      miniatures: miniatures.optional(),
    })
    .optional(),
  lint: z
    .strictObject({
      readability: z.enum(['warning', 'error']).optional(),
      allow: z
        .array(z.string().min(1))
        .optional()
        .describe('Words that are fine for every audience: not counted as hard words and never flagged'),
    })
    .optional(),
  /** `strings.<lang>.<key>`: adds to or overrides the shipped string tables (src/strings/tables.ts). */
  strings: z
    .record(
      langTag,
      z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be a string key such as mainMessage'), z.string()),
    )
    .optional(),
  /** `fallback: source`: a missing translation uses the source text, marked; default `none`: an error. */
  translations: z.strictObject({ fallback: z.enum(['none', 'source']).optional() }).optional(),
  brand: BrandSchema.optional(),
  review: z
    .strictObject({
      months: z
        .number()
        .int()
        .positive()
        .max(120)
        .optional()
        .describe("Review cycle: a topic's reviewBy defaults to reviewed + this many months"),
      required: z
        .boolean()
        .optional()
        .describe('Every topic with a patient audience must have a reviewed date (DH_REVIEW_MISSING)'),
    })
    .optional()
    .describe('Content review dates'),
});

export type UserConfig = z.infer<typeof ConfigSchema>;

const SECTIONS = ['slides', 'handout', 'notes', 'slidesHandout', 'lint', 'translations', 'review'] as const;

/** Keys allowed at a config path, for "did you mean". */
export function configKeysAt(path: readonly (string | number)[]): string[] {
  if (path.length === 0) return Object.keys(ConfigSchema.shape).filter((k) => k !== '$schema');
  if (path[path.length - 1] === 'brand') return Object.keys(BrandSchema.shape);
  if (path.length === 1 && SECTIONS.includes(path[0] as (typeof SECTIONS)[number])) {
    const shape = ConfigSchema.shape[path[0] as (typeof SECTIONS)[number]].unwrap().shape;
    return Object.keys(shape);
  }
  if (path[0] === 'audiences' && path.length === 2) return Object.keys(AudienceSettingsSchema.shape);
  return [];
}

/**
 * Intl knows BCP 47: a tag it cannot canonicalize (`en_US`, `e n`) is not one; nor is one whose
 * language is not a 2–3 letter ISO 639 code (`english` parses, but names no language).
 */
function isLanguageTag(tag: string): boolean {
  try {
    return /^[a-z]{2,3}(-|$)/i.test(tag) && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
