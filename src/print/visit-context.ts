import type { VisitRecord } from './data.js';

/** One part of the instructions: a list item, or a paragraph of text. */
export interface InstructionPart {
  item: boolean;
  /** Inline Markdown (emphasis and code), with links and math made literal text. */
  text: string;
}

/**
 * What templates see as `visit`: the record's fields as given (`visit.patient`, `visit.room`…) plus
 * what the built-in handout needs, worked out here so templates stay simple:
 * - `dateText`, `followUpText`: YYYY-MM-DD written for the topic's language ("24 December 2026");
 *   other follow-up text is kept as written;
 * - `instructionParts`: the instructions as list items and paragraphs, in order;
 * - `prepared` (there is a patient, clinician or date) and `box` (instructions, follow-up or phone).
 * These names win over record fields of the same name. Every absent value is null, never undefined
 * (templates run in strict mode).
 */
export function visitContext(record: VisitRecord, lang: string): Record<string, unknown> {
  const f = record.fields;
  const parts = f.instructions === null ? [] : instructionParts(f.instructions);
  return {
    ...f,
    number: record.number,
    dateText: f.date === null ? null : longDate(f.date, lang),
    followUpText: f.followUp === null ? null : longDate(f.followUp, lang),
    instructionParts: parts,
    prepared: f.patient !== null || f.clinician !== null || f.date !== null,
    box: parts.length > 0 || f.followUp !== null || f.phone !== null,
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD date in the language's long form (UTC: the day never shifts); other text as it is. */
export function longDate(text: string, lang: string): string {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return text;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime())) return text;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
}

const ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$/;

/**
 * Markdown list or text → items and paragraphs. A line that is not an item continues the item or
 * paragraph before it (as in Markdown); a blank line ends either. Links and math are made text:
 * a link would put its address into the PDF's annotations and a formula its TeX into the alt text,
 * both outside the page content where personal values may not go.
 */
export function instructionParts(text: string): InstructionPart[] {
  const parts: InstructionPart[] = [];
  let open: InstructionPart | null = null;
  for (const line of text.split(/\r?\n/)) {
    const item = ITEM.exec(line);
    if (item) {
      open = { item: true, text: literal(item[1]!) };
      parts.push(open);
    } else if (!line.trim()) {
      open = null;
    } else if (open) {
      open.text += ` ${literal(line.trim())}`;
    } else {
      open = { item: false, text: literal(line.trim()) };
      parts.push(open);
    }
  }
  return parts.filter((p) => p.text.trim() !== '');
}

/** Brackets (links, images) and dollar signs (math) escaped; emphasis and code stay Markdown. */
function literal(text: string): string {
  return text.replace(/[[\]$<>]/g, (c) => `\\${c}`);
}
