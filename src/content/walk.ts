import type { DataPath } from '../source/yaml-source.js';
import type { Text, TopicData } from './schema.js';

/*
 * Walks over a topic's raw data, which may not match the schema: the audience and id checks run
 * even when the schema check failed, so one run reports every problem of a file. Anything of the
 * wrong shape is skipped here; the schema reports it.
 */

type Raw = Record<string, unknown>;
export const isMapValue = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const entries = (v: unknown) => items(v).entries();

/** Every `<text>` field of a topic with its data path (for variant checks). */
export function* texts(t: unknown): Generator<{ path: DataPath; value: unknown }> {
  if (!isMapValue(t)) return;
  for (const key of ['title', 'subtitle', 'summary']) if (key in t) yield { path: [key], value: t[key] };
  for (const [i, s] of entries(t.sections)) {
    if (!isMapValue(s)) continue;
    for (const key of ['title', 'body', 'notes']) if (key in s) yield { path: ['sections', i, key], value: s[key] };
    for (const [j, p] of entries(s.points)) {
      if (isMapValue(p) && 'text' in p) yield { path: ['sections', i, 'points', j, 'text'], value: p.text };
      else yield { path: ['sections', i, 'points', j], value: p };
    }
    if (isMapValue(s.image)) {
      for (const key of ['alt', 'caption'])
        if (key in s.image) yield { path: ['sections', i, 'image', key], value: s.image[key] };
    }
  }
  for (const [i, g] of entries(t.glossary))
    if (isMapValue(g)) yield { path: ['glossary', i, 'definition'], value: g.definition };
  for (const [i, r] of entries(t.references))
    if (isMapValue(r)) yield { path: ['references', i, 'text'], value: r.text };
}

/** Every `audience:` filter (and the topic's `audiences:`) with its data path; only the names that are text. */
export function* audienceLists(t: unknown): Generator<{ path: DataPath; names: (string | undefined)[] }> {
  if (!isMapValue(t)) return;
  const names = (v: unknown) => items(v).map((n) => (typeof n === 'string' ? n : undefined));
  if (Array.isArray(t.audiences)) yield { path: ['audiences'], names: names(t.audiences) };
  for (const [i, s] of entries(t.sections)) {
    if (!isMapValue(s)) continue;
    if (Array.isArray(s.audience)) yield { path: ['sections', i, 'audience'], names: names(s.audience) };
    for (const [j, p] of entries(s.points)) {
      if (isMapValue(p) && 'text' in p && Array.isArray(p.audience))
        yield { path: ['sections', i, 'points', j, 'audience'], names: names(p.audience) };
    }
  }
  for (const key of ['glossary', 'references']) {
    for (const [i, e] of entries(t[key]))
      if (isMapValue(e) && Array.isArray(e.audience)) yield { path: [key, i, 'audience'], names: names(e.audience) };
  }
}

/** Sections of the raw data that are maps, with their index. */
export function* sectionMaps(t: unknown): Generator<{ i: number; s: Raw }> {
  if (!isMapValue(t)) return;
  for (const [i, s] of entries(t.sections)) if (isMapValue(s)) yield { i, s };
}

export type Point = NonNullable<TopicData['sections'][number]['points']>[number];

/** A point written as `{text, audience}` (not a variant map; the schema tries this shape first). */
export function isPointObject(p: Point): p is { text: Text; audience?: string[] } {
  return (
    typeof p === 'object' &&
    'text' in p &&
    Object.keys(p).every((k) => k === 'text' || k === 'audience') &&
    !Array.isArray(p.text)
  );
}
