import { createHash } from 'node:crypto';
import type { TopicData } from './schema.js';
import { isPointObject } from './walk.js';

/*
 * The hash of the source text a translated unit was translated from, like gettext's "fuzzy": when the
 * source changes, the hash recorded in the translation no longer matches and the unit is stale.
 * Only what a translator translates counts (texts, not audience filters or image files).
 */

const short = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);

type Section = TopicData['sections'][number];

export function sectionHash(s: Section): string {
  return short([
    s.title,
    s.body ?? null,
    (s.points ?? []).map((p) => (isPointObject(p) ? p.text : p)),
    s.notes ?? null,
    s.image ? [s.image.alt, s.image.caption ?? null] : null,
  ]);
}

/** Title, subtitle, main message, glossary and references: the topic's texts outside its sections. */
export function headHash(d: TopicData): string {
  return short([
    d.title,
    d.subtitle ?? null,
    d.summary ?? null,
    (d.glossary ?? []).map((g) => [g.term, g.definition]),
    (d.references ?? []).map((r) => r.text),
  ]);
}
