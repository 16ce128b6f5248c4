import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { splitFrontMatter } from '../render/handout-pdf/front-matter.js';
import type { VisitRecord } from './data.js';

/**
 * Where personal values may not go, checked on each record's Markdown before anything is typeset.
 * The built-in template keeps them in the page body; a project's template could put one into the
 * front matter (the PDF's title, subject, author: its Info dictionary and XMP) or a heading (a
 * bookmark in the outline), so such a template is refused — naming the field, never the value.
 */
export function personalLeaks(markdown: string, record: VisitRecord, audience: string): Diagnostic[] {
  const values = personalValues(record);
  if (!values.length) return [];
  const { meta, body } = splitFrontMatter(markdown);
  const places: [string, string | null][] = [
    ['title', meta.title],
    ['subtitle', meta.subtitle],
    ['subject', meta.subject],
    ['authors', meta.authors.join('\n')],
    ['lang', meta.lang],
    [
      'a heading (the PDF bookmarks)',
      body
        .split('\n')
        .filter((l) => /^ {0,3}#{1,6}\s/.test(l))
        .join('\n'),
    ],
  ];
  const out: Diagnostic[] = [];
  for (const [place, text] of places) {
    if (!text) continue;
    const field = values.find((v) => loose(text).includes(loose(v.value)))?.field;
    if (field)
      out.push(
        error(
          Codes.template,
          `record ${record.number}: the handout template of audience "${audience}" puts "${field}" into the PDF's ` +
            `${place}`,
          {
            hint: 'personal values may appear only in the page text: keep visit.* out of the front matter and headings',
          },
        ),
      );
  }
  return out;
}

/** A diagnostic with any of the record's values replaced by "…" (a template's message might quote one). */
export function redact(d: Diagnostic, record: VisitRecord): Diagnostic {
  const values = personalValues(record).map((v) => v.value);
  const clean = (s: string) => values.reduce((acc, v) => acc.split(v).join('…'), s);
  return { ...d, message: clean(d.message), ...(d.hint !== undefined ? { hint: clean(d.hint) } : {}) };
}

/** The record's values worth looking for: every field's text of 3 characters or more, longest first. */
function personalValues(record: VisitRecord): { field: string; value: string }[] {
  return Object.entries(record.fields)
    .filter(([, v]) => v !== null && String(v).trim().length >= 3)
    .map(([field, v]) => ({ field, value: String(v).trim() }))
    .sort((a, b) => b.value.length - a.value.length);
}

/** Backslash escapes and runs of white space do not hide a value. */
const loose = (s: string) => s.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ');
