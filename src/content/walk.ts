import type { DataPath } from './source.js';
import type { Text, TopicData } from './schema.js';

/** Every `<text>` field of a topic with its data path (for variant checks and resolution errors). */
export function* texts(t: TopicData): Generator<{ path: DataPath; value: Text; required: boolean }> {
  yield { path: ['title'], value: t.title, required: true };
  if (t.subtitle !== undefined) yield { path: ['subtitle'], value: t.subtitle, required: false };
  if (t.summary !== undefined) yield { path: ['summary'], value: t.summary, required: false };
  for (const [i, s] of t.sections.entries()) {
    yield { path: ['sections', i, 'title'], value: s.title, required: true };
    if (s.body !== undefined) yield { path: ['sections', i, 'body'], value: s.body, required: false };
    if (s.notes !== undefined) yield { path: ['sections', i, 'notes'], value: s.notes, required: false };
    for (const [j, p] of (s.points ?? []).entries()) {
      if (isPointObject(p)) yield { path: ['sections', i, 'points', j, 'text'], value: p.text, required: false };
      else yield { path: ['sections', i, 'points', j], value: p, required: false };
    }
    if (s.image) {
      yield { path: ['sections', i, 'image', 'alt'], value: s.image.alt, required: true };
      if (s.image.caption !== undefined) yield { path: ['sections', i, 'image', 'caption'], value: s.image.caption, required: false };
    }
  }
  for (const [i, g] of (t.glossary ?? []).entries()) yield { path: ['glossary', i, 'definition'], value: g.definition, required: true };
  for (const [i, r] of (t.references ?? []).entries()) yield { path: ['references', i, 'text'], value: r.text, required: true };
}

/** Every `audience:` filter (and the topic's `audiences:`) with its data path. */
export function* audienceLists(t: TopicData): Generator<{ path: DataPath; names: string[] }> {
  if (t.audiences) yield { path: ['audiences'], names: t.audiences };
  for (const [i, s] of t.sections.entries()) {
    if (s.audience) yield { path: ['sections', i, 'audience'], names: s.audience };
    for (const [j, p] of (s.points ?? []).entries()) {
      if (isPointObject(p) && p.audience) yield { path: ['sections', i, 'points', j, 'audience'], names: p.audience };
    }
  }
  for (const [i, g] of (t.glossary ?? []).entries()) if (g.audience) yield { path: ['glossary', i, 'audience'], names: g.audience };
  for (const [i, r] of (t.references ?? []).entries()) if (r.audience) yield { path: ['references', i, 'audience'], names: r.audience };
}

export type Point = NonNullable<TopicData['sections'][number]['points']>[number];

/** A point written as `{text, audience}` (not a variant map; the schema tries this shape first). */
export function isPointObject(p: Point): p is { text: Text; audience?: string[] } {
  return typeof p === 'object' && 'text' in p && Object.keys(p).every((k) => k === 'text' || k === 'audience') && !Array.isArray(p.text);
}
