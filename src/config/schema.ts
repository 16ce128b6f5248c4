import { z } from 'zod';

const audienceName = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, - and _');

export const AudienceSettingsSchema = z.strictObject({
  label: z.string().min(1).optional(),
  readingGrade: z.number().positive().max(20).optional(),
  fontSize: z.number().min(6).max(32).optional(),
  theme: z.string().min(1).optional(),
  glossary: z.enum(['inline', 'list', 'none']).optional(),
});

export const ConfigSchema = z.strictObject({
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
    })
    .optional(),
  handout: z
    .strictObject({
      pageSize: z.enum(['LETTER', 'A4']).optional(),
      footer: z.string().optional(),
    })
    .optional(),
  lint: z.strictObject({ readability: z.enum(['warning', 'error']).optional() }).optional(),
});

export type UserConfig = z.infer<typeof ConfigSchema>;

/** Keys allowed at a config path, for "did you mean". */
export function configKeysAt(path: readonly (string | number)[]): string[] {
  if (path.length === 0) return Object.keys(ConfigSchema.shape);
  if (path.length === 1 && (path[0] === 'slides' || path[0] === 'handout' || path[0] === 'lint')) {
    const shape = ConfigSchema.shape[path[0]].unwrap().shape;
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
