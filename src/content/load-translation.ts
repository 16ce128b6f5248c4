import { basename } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { Codes } from '../errors/codes.js';
import { error, hasErrors, warning, type Diagnostic } from '../errors/diagnostic.js';
import { didYouMean } from '../errors/suggest.js';
import { readTextFile } from '../source/read.js';
import { parseSource, type DataPath, type SourceDoc } from '../source/yaml-source.js';
import { issuesToDiagnostics } from '../source/zod-diagnostics.js';
import type { TranslationFile } from './discover.js';
import { readImage } from './images.js';
import type { Text, TopicData } from './schema.js';
import { headHash, sectionHash } from './source-hash.js';
import { TranslationSchema, type TranslationData } from './translation-schema.js';
import type { ImageAsset, Topic, TranslatedTopic } from './types.js';
import { sectionId } from './validate.js';
import { isPointObject } from './walk.js';
import { tagLang } from './lang-span.js';

export interface TranslationOptions {
  /** `source`: a missing text falls back to the source's, marked with `marker`; `none`: an error. */
  fallback: 'none' | 'source';
  /** The visible mark after a fallback text, in the target language ("(en inglés)"). */
  marker: (lang: string, sourceLang: string) => string;
}

/**
 * Reads a translation and merges it over its source: sections by `id`, points, glossary entries and
 * references by position. Structure problems are positioned errors in the translation file; a source
 * element with no translation is DH_TRANSLATION_MISSING (or, with fallback, the source text marked);
 * a unit translated from older source text is DH_TRANSLATION_STALE (a warning).
 */
export async function loadTranslation(
  file: TranslationFile,
  source: Topic,
  config: ResolvedConfig,
  options: TranslationOptions,
): Promise<{ topic?: TranslatedTopic; diagnostics: Diagnostic[] }> {
  const read = await readTextFile(file.path, file.path);
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  const parsed = parseSource(read.text, file.path);
  const tr = parsed.source;
  if (!tr) return { diagnostics: parsed.diagnostics };
  if (tr.data === null || typeof tr.data !== 'object' || Array.isArray(tr.data))
    return {
      diagnostics: [
        error(Codes.schema, 'a translation must be a map with "sections" (and the texts it translates)', {
          file: file.path,
          line: 1,
          col: 1,
          hint: `run \`deckhand translate ${source.slug} --lang ${file.lang}\` to start one from the source`,
        }),
      ],
    };
  const result = TranslationSchema.safeParse(tr.data);
  if (!result.success)
    return {
      diagnostics: issuesToDiagnostics(result.error.issues, tr, () => [], 'a translation has the topic format'),
    };
  const t = result.data;
  const merger = new Merger(file, source, tr, t, options, config);
  const merged = merger.merge();
  const images = new Map(source.images);
  for (const [i, s] of t.sections.entries()) {
    const src = s.image?.src;
    if (src === undefined || images.has(src)) continue;
    const at = { file: file.path, ...tr.locate(['sections', i, 'image', 'src']) };
    const { image, diagnostic } = await readImage(src, file.path, config.root, at);
    if (image) images.set(src, image);
    if (diagnostic) merger.diagnostics.push(diagnostic);
  }
  const diagnostics = merger.diagnostics;
  if (hasErrors(diagnostics)) return { diagnostics };
  const sourceLang = source.data.lang ?? config.lang;
  const doc: SourceDoc = {
    file: file.path,
    // Both files: the inputs hash of a translated artifact changes when either does.
    text: `${source.source.text}\u0000${tr.text}`,
    data: merged,
    locate: (path, at) => tr.locate(merger.translationPath(path), at),
    release: () => tr.release(),
  };
  const topic: TranslatedTopic = {
    slug: source.slug,
    path: file.path,
    source: doc,
    data: merged,
    images: images as Map<string, ImageAsset>,
    lang: file.lang,
    sourceLang,
    sourcePath: source.path,
    meta: t.translation ?? null,
    fallback: merger.fallback,
    stale: merger.stale,
  };
  return { topic, diagnostics };
}

class Merger {
  readonly diagnostics: Diagnostic[] = [];
  readonly fallback: string[] = [];
  readonly stale: string[] = [];
  /** Source section index → translation section index. */
  private readonly sectionAt = new Map<number, number>();

  constructor(
    private readonly file: TranslationFile,
    private readonly src: Topic,
    private readonly tr: SourceDoc,
    private readonly t: TranslationData,
    private readonly options: TranslationOptions,
    config: ResolvedConfig,
  ) {
    this.sourceLang = src.data.lang ?? config.lang;
  }
  private readonly sourceLang: string;

  /** A merged topic's data path → the translation file's (sections are in source order there). */
  translationPath(path: DataPath): DataPath {
    if (path[0] !== 'sections' || typeof path[1] !== 'number') return path;
    const i = this.sectionAt.get(path[1]);
    return i === undefined ? ['sections'] : ['sections', i, ...path.slice(2)];
  }

  private at(path: DataPath, key = false) {
    return { file: this.file.path, ...this.tr.locate(path, key ? 'key' : 'value') };
  }

  private where(path: DataPath): string {
    const { line } = this.src.source.locate(path);
    return `${basename(this.src.path)}:${line}`;
  }

  /** A source text the translation lacks: an error, or the source text marked (fallback). */
  private missing(what: string, sourcePath: DataPath, at: DataPath, value: Text): Text {
    if (this.options.fallback === 'source') {
      this.fallback.push(what);
      const mark = this.options.marker(this.file.lang, this.sourceLang);
      // Tagged with the source's language (a Span with /Lang in the PDF, lang= in the HTML); the mark is not.
      const shown = (v: string) => `${tagLang(v, this.sourceLang)} ${mark}`;
      return typeof value === 'string'
        ? shown(value)
        : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shown(v)]));
    }
    this.diagnostics.push(
      error(Codes.translationMissing, `${what} (${this.where(sourcePath)}) has no ${this.file.lang} translation`, {
        ...this.at(at, true),
        hint:
          `translate it here, run \`deckhand translate ${this.src.slug} --lang ${this.file.lang}\` to add what is ` +
          `missing, or set translations: {fallback: source} in the config to show the source text, marked`,
      }),
    );
    return value;
  }

  private text(
    what: string,
    sourceValue: Text | undefined,
    value: Text | undefined,
    sourcePath: DataPath,
    at: DataPath,
  ): Text | undefined {
    if (sourceValue === undefined) return undefined; // nothing to translate; an extra text is dropped
    if (value !== undefined && !(typeof value === 'string' && value.trim() === '')) return value;
    return this.missing(what, sourcePath, at, sourceValue);
  }

  merge(): TopicData {
    const { src, t, file } = this;
    const d = src.data;
    if (t.lang !== undefined && t.lang.toLowerCase() !== file.lang.toLowerCase())
      this.diagnostics.push(
        error(Codes.translation, `"lang: ${t.lang}" does not match the file name's language "${file.lang}"`, {
          ...this.at(['lang']),
          hint: `write lang: ${file.lang}, or remove the line (the file name sets it)`,
        }),
      );
    if (t.translationOf !== undefined && t.translationOf !== src.slug)
      this.diagnostics.push(
        error(Codes.translation, `"translationOf: ${t.translationOf}" but this file translates "${src.slug}"`, {
          ...this.at(['translationOf']),
          hint: `write translationOf: ${src.slug}, or remove the line (the file name sets it)`,
        }),
      );
    if (t.audiences)
      t.audiences.forEach((a, i) => {
        if (d.audiences && !d.audiences.includes(a))
          this.diagnostics.push(
            error(Codes.translation, `audience "${a}" is not one the source topic is built for`, {
              ...this.at(['audiences', i]),
              hint: `the source's audiences: ${d.audiences.join(', ')}`,
            }),
          );
      });
    const head: Partial<TranslationData> = t.untranslated ? {} : t;
    const m: TopicData = {
      ...d,
      lang: file.lang,
      ...(t.audiences ? { audiences: t.audiences } : {}),
      ...(t.date ? { date: t.date } : {}),
      title: this.text('the title', d.title, head.title, ['title'], head.title ? ['title'] : [])!,
      sections: [],
    };
    const subtitle = this.text('the subtitle', d.subtitle, head.subtitle, ['subtitle'], []);
    if (subtitle !== undefined) m.subtitle = subtitle;
    const summary = this.text('the main message (summary)', d.summary, head.summary, ['summary'], []);
    if (summary !== undefined) m.summary = summary;
    if (t.sourceHash !== undefined && !t.untranslated && t.sourceHash !== headHash(d)) {
      this.stale.push('(title, main message, glossary, references)');
      this.staleWarning('the title, main message, glossary or references', ['sourceHash']);
    }

    // Sections by id.
    const sourceIds = d.sections.map((s) => sectionId(s));
    const byId = new Map<string, number>();
    t.sections.forEach((s, i) => {
      if (!sourceIds.includes(s.id))
        this.diagnostics.push(
          error(Codes.translation, `no section "${s.id}" in the source${didYouMean(s.id, sourceIds)}`, {
            ...this.at(['sections', i, 'id']),
            hint:
              `every section of a translation carries the id of the source section it translates: ` +
              `${sourceIds.join(', ')}`,
          }),
        );
      else if (byId.has(s.id))
        this.diagnostics.push(
          error(Codes.duplicateId, `section "${s.id}" is translated twice (also section ${byId.get(s.id)! + 1})`, {
            ...this.at(['sections', i, 'id']),
            hint: 'keep one translation per source section',
          }),
        );
      else byId.set(s.id, i);
    });
    d.sections.forEach((s, i) => {
      const id = sourceIds[i]!;
      const ti = byId.get(id);
      const ts = ti === undefined ? undefined : t.sections[ti]!;
      if (ti !== undefined) this.sectionAt.set(i, ti);
      const tsx = ts && !ts.untranslated ? ts : undefined;
      const at = (...rest: (string | number)[]): DataPath => (ti === undefined ? [] : ['sections', ti, ...rest]);
      const name = `section "${id}"`;
      if (!tsx) {
        // The whole section: one message, not one per field.
        if (this.options.fallback !== 'source') {
          this.missing(name, ['sections', i], ti === undefined ? ['sections'] : at('id'), s.title);
          m.sections.push(s);
          return;
        }
      }
      const field = (key: 'title' | 'body' | 'notes', label: string) =>
        this.text(`${label} of ${name}`, s[key], tsx?.[key], ['sections', i, key], tsx?.[key] ? at(key) : at('id'));
      const out: TopicData['sections'][number] = { ...s, title: field('title', 'the title')! };
      const body = field('body', 'the body');
      if (body !== undefined) out.body = body;
      const notes = field('notes', 'the speaker notes');
      if (notes !== undefined) out.notes = notes;
      if (s.points) out.points = this.points(s.points, tsx?.points, i, ti, name);
      if (s.image) {
        const img = tsx?.image;
        const alt = this.text(
          `the image's alt text of ${name}`,
          s.image.alt,
          img?.alt,
          ['sections', i, 'image', 'alt'],
          img ? at('image') : at('id'),
        );
        const caption = this.text(
          `the image caption of ${name}`,
          s.image.caption,
          img?.caption,
          ['sections', i, 'image', 'caption'],
          img ? at('image') : at('id'),
        );
        out.image = { src: img?.src ?? s.image.src, alt: alt!, ...(caption !== undefined ? { caption } : {}) };
      } else if (tsx?.image) this.extra(`an image`, name, at('image'));
      if (tsx?.sourceHash !== undefined && tsx.sourceHash !== sectionHash(s)) {
        this.stale.push(id);
        this.staleWarning(name, at('sourceHash'));
      }
      m.sections.push(out);
    });

    // Glossary and references by position.
    const glossary = d.glossary ?? [];
    const tg = head.glossary;
    if (tg && tg.length !== glossary.length)
      this.countMismatch('glossary entries', tg.length, glossary.length, ['glossary']);
    else if (glossary.length)
      m.glossary = glossary.map((g, j) => {
        const tgj = tg?.[j];
        const definition = this.text(
          `glossary entry ${j + 1} ("${g.term}")`,
          g.definition,
          tgj?.definition,
          ['glossary', j],
          tgj ? ['glossary', j] : ['glossary'],
        );
        return { ...g, term: tgj?.term ?? g.term, definition: definition! };
      });
    const refs = d.references ?? [];
    const trf = head.references;
    if (trf && trf.length !== refs.length) this.countMismatch('references', trf.length, refs.length, ['references']);
    else if (refs.length)
      m.references = refs.map((r, j) => {
        const tr = trf?.[j];
        const text = this.text(
          `reference ${j + 1}`,
          r.text,
          tr?.text,
          ['references', j],
          tr ? ['references', j] : ['references'],
        );
        return { ...r, text: text!, ...(tr?.url ? { url: tr.url } : {}) };
      });
    return m;
  }

  private points(
    points: NonNullable<TopicData['sections'][number]['points']>,
    translated: NonNullable<TranslationData['sections'][number]['points']> | undefined,
    i: number,
    ti: number | undefined,
    name: string,
  ) {
    if (translated && translated.length !== points.length) {
      this.countMismatch(`points in ${name}`, translated.length, points.length, ['sections', ti!, 'points']);
      return points;
    }
    return points.map((p, j) => {
      const sourceText = isPointObject(p) ? p.text : p;
      const tp = translated?.[j];
      const tText = tp === undefined ? undefined : isPointObject(tp) ? tp.text : tp;
      const at: DataPath =
        tp !== undefined ? ['sections', ti!, 'points', j] : ti === undefined ? ['sections'] : ['sections', ti, 'id'];
      const text = this.text(`point ${j + 1} of ${name}`, sourceText, tText, ['sections', i, 'points', j], at)!;
      return isPointObject(p) ? { ...p, text } : text;
    });
  }

  private countMismatch(what: string, got: number, want: number, at: DataPath) {
    this.diagnostics.push(
      error(Codes.translation, `the translation has ${got} ${what}; the source has ${want}`, {
        ...this.at(at, true),
        hint:
          'points, glossary entries and references match the source by position: translate each one, in the same ' +
          'order',
      }),
    );
  }

  private extra(what: string, name: string, at: DataPath) {
    this.diagnostics.push(
      error(Codes.translation, `${what} in ${name}, which has none in the source`, {
        ...this.at(at, true),
        hint: 'a translation translates what the source has; add it to the source first',
      }),
    );
  }

  private staleWarning(what: string, at: DataPath) {
    this.diagnostics.push(
      warning(Codes.translationStale, `${what} changed in the source since it was translated to ${this.file.lang}`, {
        ...this.at(at),
        hint:
          `update the translation, then run \`deckhand translate --done ${basename(this.file.path)}\` to record ` +
          `the source it now matches`,
      }),
    );
  }
}
