import type { SourceDoc } from '../source/yaml-source.js';
import type { SectionKind, TopicData } from './schema.js';
import type { TranslationMeta } from './translation-schema.js';

export type ImageType = 'png' | 'jpeg' | 'svg';

/** An image a topic refers to, read and checked by the loader. */
export interface ImageAsset {
  /** `src` exactly as written in the topic. */
  src: string;
  /** Absolute path on disk. */
  path: string;
  type: ImageType;
  /** Pixels (an SVG: its size in CSS pixels). */
  width: number;
  height: number;
  /** The file (an SVG: as sanitised and written out again, UTF-8). */
  bytes: Uint8Array;
}

/** A topic file that parsed and passed the schema. Still holds every audience's variants. */
export interface Topic {
  slug: string;
  /** Absolute path of the topic file. */
  path: string;
  source: SourceDoc;
  data: TopicData;
  /** Keyed by `src` as written. */
  images: Map<string, ImageAsset>;
  /** The translations beside it (`<slug>.<lang>.yaml`), each merged over this source. */
  translations?: TranslatedTopic[];
}

/**
 * A translation merged over its source: the source's structure (sections in source order, audience
 * filters, image files) with the translation's texts. `path` and `source` are the translation file's,
 * so positions point there; `data.lang` is the file's tag.
 */
export interface TranslatedTopic extends Topic {
  lang: string;
  /** The source topic's language and file. */
  sourceLang: string;
  sourcePath: string;
  meta: TranslationMeta | null;
  /** Source elements shown in the source language, marked (`translations: {fallback: source}`). */
  fallback: string[];
  /** Units whose source changed since they were translated. */
  stale: string[];
}

export interface ResolvedImage {
  src: string;
  alt: string;
  caption: string | null;
  width: number;
  height: number;
}

export interface ResolvedSection {
  id: string;
  title: string;
  body: string | null;
  points: string[];
  notes: string | null;
  image: ResolvedImage | null;
  slides: boolean;
  handout: boolean;
  /** How the section is set (a warning box, numbered steps…); null: plain. */
  kind?: SectionKind | null;
  /** A web page for the section (printed as a QR code). */
  url?: string | null;
}

/** One topic as one audience sees it: plain data, every <text> a string, filtered elements gone. */
export interface ResolvedTopic {
  slug: string;
  /** For a translation: the source's language (its outputs' names carry `lang`), and who translated it. */
  translation?: {
    sourceLang: string;
    translator: string | null;
    reviewer: string | null;
    reviewed: string | null;
  } | null;
  title: string;
  subtitle: string | null;
  authors: string[];
  date: string | null;
  lang: string;
  summary: string | null;
  sections: ResolvedSection[];
  glossary: { term: string; definition: string }[];
  references: { text: string; url: string | null }[];
  /** The online version of the topic (a QR code on the handout, the deck's last slide). */
  url?: string | null;
  /** YYYY-MM-DD of the last review, and of the next one (given, or derived from `review.months`). */
  reviewed?: string | null;
  reviewBy?: string | null;
  /** The topic's free `meta:` map, untouched. */
  meta?: Record<string, unknown>;
}
