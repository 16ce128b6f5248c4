import type { Audience } from '../config/types.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { didYouMean } from '../errors/suggest.js';
import type { SourceDoc } from '../source/yaml-source.js';
import type { TopicData } from './schema.js';
import { audienceLists, isMapValue, sectionMaps, texts } from './walk.js';
import { slugify } from './slug.js';
import { textProblems } from './text-checks.js';

/**
 * Checks that need the configuration: audience names everywhere, unique section ids. They run on
 * the raw data, also when the schema check failed, so both kinds of problem are reported at once.
 */
export function checkTopic(data: unknown, source: SourceDoc, audiences: readonly Audience[]): Diagnostic[] {
  const names = audiences.map((a) => a.name);
  const known = new Set(names);
  const out: Diagnostic[] = [];
  const unknown = (name: string, at: { line: number; col: number }, where: string) =>
    error(Codes.unknownAudience, `unknown audience "${name}"${didYouMean(name, names)}`, {
      file: source.file,
      ...at,
      hint: `${where}; configured audiences: ${names.join(', ')}`,
    });

  out.push(...textProblems(data, source));
  for (const { path, value } of texts(data)) {
    if (!isMapValue(value)) continue;
    for (const key of Object.keys(value)) {
      if (key !== 'default' && !known.has(key))
        out.push(unknown(key, source.locate([...path, key], 'key'), 'variant keys are audience names or "default"'));
    }
  }
  for (const { path, names: list } of audienceLists(data)) {
    list.forEach((name, i) => {
      if (name !== undefined && !known.has(name))
        out.push(unknown(name, source.locate([...path, i]), 'audience filters list configured audience names'));
    });
  }

  const seen = new Map<string, number>();
  for (const { i, s } of sectionMaps(data)) {
    const id = rawSectionId(s);
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first !== undefined) {
      out.push(
        error(Codes.duplicateId, `duplicate section id "${id}" (section ${first + 1} has it too)`, {
          file: source.file,
          ...source.locate(['sections', i, typeof s.id === 'string' ? 'id' : 'title']),
          hint: 'give one of the sections a distinct "id"',
        }),
      );
    } else seen.set(id, i);
  }
  return out;
}

/** A section's id: explicit, else the slug of its default title. */
export function sectionId(s: TopicData['sections'][number]): string {
  return rawSectionId(s) ?? 'section';
}

function rawSectionId(s: Record<string, unknown>): string | undefined {
  if (typeof s.id === 'string') return s.id;
  const t = s.title;
  const title = typeof t === 'string' ? t : isMapValue(t) ? (t.default ?? Object.values(t)[0]) : undefined;
  if (typeof title !== 'string') return undefined;
  return slugify(title) || 'section';
}
