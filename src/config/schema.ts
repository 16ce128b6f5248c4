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

export const AudienceSettingsSchema = z.strictObject({
  label: z.string().min(1).optional(),
  readingGrade: z.number().positive().max(20).optional(),
  fontSize: z.number().min(6).max(32).optional(),
  theme: z.string().min(1).optional(),
  glossary: z.enum(['inline', 'list', 'none']).optional(),
  /** The formats a build makes for this audience when `-f` is not given. */
  formats: z.array(z.enum(FORMATS)).min(1).optional(),
  accent: z.string().regex(HEX, HEX_MESSAGE).optional(),
});

const miniatures = z.enum(['drawn', 'exact']);

export const ConfigSchema = z.strictObject({
  /** Editors' schema reference; the build ignores it. */
  $schema: z.string().optional(),
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
      pdfEngine: z.enum(['auto', 'chromium', 'deckhand']).optional(),
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
  notes: z.strictObject({ miniatures: miniatures.optional() }).optional(),
  slidesHandout: z
    .strictObject({
      layout: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(6), z.literal(9)]).optional(),
      order: z.enum(['horizontal', 'vertical']).optional(),
      lines: z.boolean().optional(),
      miniatures: miniatures.optional(),
    })
    .optional(),
  lint: z.strictObject({ readability: z.enum(['warning', 'error']).optional() }).optional(),
});

export type UserConfig = z.infer<typeof ConfigSchema>;

const SECTIONS = ['slides', 'handout', 'notes', 'slidesHandout', 'lint'] as const;

/** Keys allowed at a config path, for "did you mean". */
export function configKeysAt(path: readonly (string | number)[]): string[] {
  if (path.length === 0) return Object.keys(ConfigSchema.shape).filter((k) => k !== '$schema');
  if (path.length === 1 && SECTIONS.includes(path[0] as (typeof SECTIONS)[number])) {
    const shape = ConfigSchema.shape[path[0] as (typeof SECTIONS)[number]].unwrap().shape;
    return Object.keys(shape);
  }
  if (path[0] === 'audiences' && path.length === 2) return Object.keys(AudienceSettingsSchema.shape);
  return [];
}
