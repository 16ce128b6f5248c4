import type { Audience, ResolvedConfig } from '../config/types.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import type { DataPath } from '../source/yaml-source.js';
import type { Text } from './schema.js';
import type { ResolvedSection, ResolvedTopic, Topic, TranslatedTopic } from './types.js';
import { sectionId } from './validate.js';
import { isPointObject } from './walk.js';
import { label } from '../source/zod-diagnostics.js';

/** The audiences a topic is built for: its `audiences:` list, else every configured one, in config order. */
export function topicAudiences(topic: Topic, config: ResolvedConfig): Audience[] {
  const wanted = topic.data.audiences;
  return wanted ? config.audiences.filter((a) => wanted.includes(a.name)) : config.audiences;
}

/** What templates see of a translation (null for a source topic). */
function translationInfo(topic: Topic): ResolvedTopic['translation'] {
  if (!('sourceLang' in topic)) return null;
  const t = topic as TranslatedTopic;
  return {
    sourceLang: t.sourceLang,
    translator: t.meta?.translator ?? null,
    reviewer: t.meta?.reviewer ?? null,
    reviewed: t.meta?.reviewed ?? null,
  };
}

/** For audience A: `map[A]`, else `map.default`, else absent. */
export function textFor(value: Text | undefined, audience: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return value[audience] ?? value.default;
}

const visible = (filter: string[] | undefined, audience: string) => !filter || filter.includes(audience);

/** The data path of the string audience A gets from a <text> at `path` (its variant key when it is a map). */
export function textPath(value: Text | undefined, path: DataPath, audience: string): DataPath {
  if (value === undefined || typeof value === 'string') return path;
  return [...path, value[audience] !== undefined ? audience : 'default'];
}

/**
 * Where each resolved element came from in the topic file, for positioned messages (lint). Kept out
 * of ResolvedTopic, which is template data. Sections and points are in resolved order.
 */
export interface ResolvedOrigins {
  summary: DataPath;
  sections: { path: DataPath; title: DataPath; body: DataPath; points: DataPath[]; alt: DataPath; caption: DataPath }[];
  glossary: DataPath[];
}

/**
 * The topic as one audience sees it: every <text> picked for that audience and elements
 * filtered to other audiences removed. A required text with no value for the audience is an error.
 */
export function resolveTopic(
  topic: Topic,
  audience: Audience | string,
  config: Pick<ResolvedConfig, 'lang'> & { review?: ResolvedConfig['review'] },
): { resolved?: ResolvedTopic; origins?: ResolvedOrigins; diagnostics: Diagnostic[] } {
  const name = typeof audience === 'string' ? audience : audience.name;
  const d = topic.data;
  const diagnostics: Diagnostic[] = [];
  const required = (value: Text, path: DataPath): string => {
    const v = textFor(value, name);
    if (v === undefined || v.trim() === '') {
      diagnostics.push(
        error(Codes.missingVariant, `"${label(path)}" has no text for audience "${name}"`, {
          file: topic.path,
          ...topic.source.locate(path),
          hint: `add a "${name}" or a "default" entry`,
        }),
      );
      return '';
    }
    return v;
  };
  const optional = (value: Text | undefined): string | null => {
    const v = textFor(value, name);
    return v === undefined || v.trim() === '' ? null : v;
  };
  // An image without alt text is an error for every audience: screen readers and the PDF's Figure tags need it.
  const imageAlt = (value: Text, path: DataPath): string => {
    const v = textFor(value, name);
    if (v !== undefined && v.trim() !== '') return v;
    diagnostics.push(
      error(Codes.imageAlt, `image has no alt text for audience "${name}"`, {
        file: topic.path,
        ...topic.source.locate(path),
        hint:
          `describe in a few words what the image ` +
          `shows${typeof value === 'string' ? '' : `; add a "${name}" or a "default" entry`}`,
      }),
    );
    return '';
  };

  const sections: ResolvedSection[] = [];
  const origins: ResolvedOrigins = { summary: textPath(d.summary, ['summary'], name), sections: [], glossary: [] };
  d.sections.forEach((s, i) => {
    if (!visible(s.audience, name)) return;
    const points: string[] = [];
    const pointPaths: DataPath[] = [];
    (s.points ?? []).forEach((p, j) => {
      const object = isPointObject(p);
      const text = object ? (visible(p.audience, name) ? optional(p.text) : null) : optional(p);
      if (text === null) return;
      points.push(text);
      pointPaths.push(
        object
          ? textPath(p.text, ['sections', i, 'points', j, 'text'], name)
          : textPath(p, ['sections', i, 'points', j], name),
      );
    });
    const at = (key: 'title' | 'body'): DataPath => textPath(s[key], ['sections', i, key], name);
    origins.sections.push({
      path: ['sections', i],
      title: at('title'),
      body: at('body'),
      points: pointPaths,
      alt: textPath(s.image?.alt, ['sections', i, 'image', 'alt'], name),
      caption: textPath(s.image?.caption, ['sections', i, 'image', 'caption'], name),
    });
    const image = s.image ? topic.images.get(s.image.src) : undefined;
    sections.push({
      id: sectionId(s),
      title: required(s.title, ['sections', i, 'title']),
      body: optional(s.body),
      points,
      notes: optional(s.notes),
      image:
        s.image && image
          ? {
              src: s.image.src,
              alt: imageAlt(s.image.alt, ['sections', i, 'image', 'alt']),
              caption: optional(s.image.caption),
              width: image.width,
              height: image.height,
            }
          : null,
      slides: s.slides !== false,
      handout: s.handout !== false,
      kind: s.kind ?? null,
      url: s.url ?? null,
    });
  });

  const resolved: ResolvedTopic = {
    slug: topic.slug,
    title: required(d.title, ['title']),
    subtitle: optional(d.subtitle),
    authors: d.authors ?? [],
    date: d.date ?? null,
    lang: d.lang ?? config.lang,
    translation: translationInfo(topic),
    summary: optional(d.summary),
    sections,
    glossary: (d.glossary ?? [])
      .map((g, i) => ({ g, i }))
      .filter(({ g }) => visible(g.audience, name))
      .map(({ g, i }) => {
        origins.glossary.push(textPath(g.definition, ['glossary', i, 'definition'], name));
        return { term: g.term, definition: required(g.definition, ['glossary', i, 'definition']) };
      }),
    references: (d.references ?? [])
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => visible(r.audience, name))
      .map(({ r, i }) => ({ text: required(r.text, ['references', i, 'text']), url: r.url ?? null })),
    url: d.url ?? null,
    reviewed: d.reviewed ?? null,
    reviewBy: d.reviewBy ?? (d.reviewed && config.review?.months ? addMonths(d.reviewed, config.review.months) : null),
    meta: d.meta ?? {},
  };
  return diagnostics.length ? { diagnostics } : { resolved, origins, diagnostics };
}

/** YYYY-MM-DD plus whole months; a day past the end of the target month is clamped (Jan 31 + 1 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}
