import { z } from 'zod';
import { SectionSchema, TextSchema, TopicSchema } from './schema.js';

/** A BCP 47 tag as a translation's file name carries it: `es-US`, `es`, `pt-BR`, `zh-Hant`. */
export const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * `<slug>.<lang>.yaml`: the topic schema in the target language, matched to its source by section
 * `id` and by position in lists. Fields a source section has and the translation lacks are missing
 * (DH_TRANSLATION_MISSING), not schema errors, so one run names every gap. `untranslated: true`
 * (written by `deckhand translate` on a new file or section) means: still the source text.
 * `sourceHash` records the source text a unit was translated from (stale detection).
 */
const TranslatedSection = SectionSchema.extend({
  id: z.string().min(1),
  title: TextSchema.optional(),
  image: z
    .strictObject({ src: z.string().min(1).optional(), alt: TextSchema.optional(), caption: TextSchema.optional() })
    .optional(),
  sourceHash: z.string().optional(),
  untranslated: z.boolean().optional(),
}).omit({ audience: true, slides: true, handout: true });

export const TranslationMetaSchema = z.strictObject({
  translator: z.string().optional(),
  reviewer: z.string().optional(),
  reviewed: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    .optional(),
});

export const TranslationSchema = TopicSchema.extend({
  title: TextSchema.optional(),
  sections: z.array(TranslatedSection),
  glossary: z.array(z.strictObject({ term: z.string().min(1), definition: TextSchema })).optional(),
  references: z
    .array(z.strictObject({ text: TextSchema, url: TopicSchema.shape.references.unwrap().element.shape.url }))
    .optional(),
  translationOf: z.string().optional(),
  translation: TranslationMetaSchema.optional(),
  sourceHash: z.string().optional(),
  untranslated: z.boolean().optional(),
}).omit({ authors: true });

export type TranslationData = z.infer<typeof TranslationSchema>;
export type TranslationMeta = z.infer<typeof TranslationMetaSchema>;

/** `stem-cells.es-US.yaml` → `{slug: 'stem-cells', lang: 'es-US'}`; undefined for a topic file. */
export function translationName(base: string): { slug: string; lang: string } | undefined {
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const lang = base.slice(dot + 1);
  if (!LANG_TAG.test(lang)) return undefined;
  try {
    Intl.getCanonicalLocales(lang);
  } catch {
    return undefined;
  }
  return { slug: base.slice(0, dot), lang };
}
