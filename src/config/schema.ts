import { z } from 'zod';

/** An accent colour as CSS hex: #rgb or #rrggbb. */
const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const HEX_MESSAGE = 'must be a hex colour such as "#0f7b8a"';

const audienceName = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, - and _');

export const AudienceSettingsSchema = z.strictObject({
  label: z.string().min(1).optional(),
  readingGrade: z.number().positive().max(20).optional(),
  fontSize: z.number().min(6).max(32).optional(),
  theme: z.string().min(1).optional(),
  glossary: z.enum(['inline', 'list', 'none']).optional(),
  accent: z.string().regex(HEX, HEX_MESSAGE).optional(),
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
      accent: z.string().regex(HEX, HEX_MESSAGE).optional(),
      body: z.enum(['auto', 'always', 'notes', 'never']).optional(),
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
