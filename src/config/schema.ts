import { z } from 'zod';

const audienceName = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, - and _');

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
  label: z.string().min(1).optional(),
  readingGrade: z.number().positive().max(20).optional(),
  fontSize: z.number().min(6).max(32).optional(),
  theme: z.string().min(1).optional(),
  glossary: z.enum(['inline', 'list', 'none']).optional(),
  footer: z
    .string()
    .optional()
    .describe(
      "This audience's handout footer (default: the config's handout.footer, else the disclaimer when it has a readingGrade)",
    ),
  brand: BrandSchema.optional().describe("Brand settings for this audience, over the config's brand"),
  fonts: FontList.optional().describe("This audience's handout fonts (e.g. a large-print audience)"),
});

export const ConfigSchema = z.strictObject({
  content: z.string().min(1).optional(),
  output: z.string().min(1).optional(),
  templates: z.string().min(1).optional(),
  lang: z.string().min(2).optional(),
  audiences: z.record(audienceName, AudienceSettingsSchema.nullable()).optional(),
  slides: z
    .strictObject({
      theme: z.string().min(1).optional(),
      size: z.enum(['16:9', '4:3']).optional(),
      paginate: z.boolean().optional(),
    })
    .optional(),
  handout: z
    .strictObject({
      pageSize: z.enum(['LETTER', 'A4']).optional(),
      footer: z.string().optional(),
      fonts: FontList.optional(),
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

/** Keys allowed at a config path, for "did you mean". */
export function configKeysAt(path: readonly (string | number)[]): string[] {
  if (path.length === 0) return Object.keys(ConfigSchema.shape);
  if (path[path.length - 1] === 'brand') return Object.keys(BrandSchema.shape);
  if (
    path.length === 1 &&
    (path[0] === 'slides' || path[0] === 'handout' || path[0] === 'lint' || path[0] === 'review')
  ) {
    const shape = ConfigSchema.shape[path[0]].unwrap().shape;
    return Object.keys(shape);
  }
  if (path[0] === 'audiences' && path.length === 2) return Object.keys(AudienceSettingsSchema.shape);
  return [];
}
