import { isMap, isSeq, parseDocument, stringify, type Document } from 'yaml';
import type { TopicData } from './schema.js';
import { headHash, sectionHash } from './source-hash.js';
import { sectionId } from './validate.js';
import { isPointObject } from './walk.js';

/*
 * The text of a translation file, written by `deckhand translate`. A new file gets every id and the
 * source text to translate, each section marked `untranslated: true`, so it cannot build as if it were
 * translated (an untranslated unit is missing). `--done` records the source each unit now matches.
 * Edits go through yaml's Document, so the translator's comments and layout survive.
 */

type Raw = Record<string, unknown>;

const pointTexts = (s: TopicData['sections'][number]) => (s.points ?? []).map((p) => (isPointObject(p) ? p.text : p));

/** One section as a translator starts it: the source texts, marked untranslated. */
function sectionSkeleton(s: TopicData['sections'][number]): Raw {
  return {
    id: sectionId(s),
    untranslated: true,
    title: s.title,
    ...(s.body !== undefined ? { body: s.body } : {}),
    ...(s.points ? { points: pointTexts(s) } : {}),
    ...(s.notes !== undefined ? { notes: s.notes } : {}),
    ...(s.image
      ? { image: { alt: s.image.alt, ...(s.image.caption !== undefined ? { caption: s.image.caption } : {}) } }
      : {}),
  };
}

/** A new translation of `slug` into `lang`. */
export function newTranslation(slug: string, lang: string, d: TopicData): string {
  const data: Raw = {
    translationOf: slug,
    lang,
    untranslated: true,
    title: d.title,
    ...(d.subtitle !== undefined ? { subtitle: d.subtitle } : {}),
    ...(d.summary !== undefined ? { summary: d.summary } : {}),
    sections: d.sections.map(sectionSkeleton),
    ...(d.glossary ? { glossary: d.glossary.map((g) => ({ term: g.term, definition: g.definition })) } : {}),
    ...(d.references ? { references: d.references.map((r) => ({ text: r.text })) } : {}),
  };
  return (
    `# ${lang} translation of ${slug}: replace each text with its translation (keep ids and the order of\n` +
    `# points, glossary entries and references). "untranslated: true" marks what is still source text;\n` +
    `# when done, run: deckhand translate --done <this file>\n` +
    `# translation: {translator: …, reviewer: …, reviewed: YYYY-MM-DD}\n` +
    stringify(data, { lineWidth: 0 })
  );
}

/**
 * An existing translation with what the source gained since: sections it lacks are added (source
 * text, untranslated) in source order; everything already there is kept as written. The list of
 * added section ids comes back too.
 */
export function updateTranslation(text: string, d: TopicData): { text: string; added: string[] } {
  const doc = parseDocument(text);
  const sections = doc.get('sections');
  const have = new Set<string>();
  if (isSeq(sections))
    for (const item of sections.items)
      if (isMap(item) && typeof item.get('id') === 'string') have.add(item.get('id') as string);
  const added: string[] = [];
  d.sections.forEach((s) => {
    const id = sectionId(s);
    if (have.has(id)) return;
    added.push(id);
    const node = doc.createNode(sectionSkeleton(s));
    if (isSeq(sections)) sections.items.push(node);
    else doc.set('sections', doc.createNode([sectionSkeleton(s)]));
  });
  return { text: doc.toString({ lineWidth: 0 }), added };
}

/**
 * `--done`: the translator has brought every unit up to date with the source. Records each section's
 * (and the head's) source hash and removes the `untranslated` marks.
 */
export function markDone(text: string, d: TopicData): string {
  const doc: Document = parseDocument(text);
  const byId = new Map(d.sections.map((s) => [sectionId(s), s]));
  doc.delete('untranslated');
  doc.set('sourceHash', headHash(d));
  const sections = doc.get('sections');
  if (isSeq(sections))
    for (const item of sections.items) {
      if (!isMap(item)) continue;
      const s = byId.get(String(item.get('id')));
      if (!s) continue;
      item.delete('untranslated');
      item.set('sourceHash', sectionHash(s));
    }
  return doc.toString({ lineWidth: 0 });
}
