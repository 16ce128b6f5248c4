import type Token from 'markdown-it/lib/token.mjs';
import { markdownParser } from '../view/markdown-prose.js';
import type { ResolvedOrigins } from '../content/resolve.js';
import type { DataPath } from '../source/yaml-source.js';
import type { ResolvedTopic } from '../content/types.js';

/** A run of text that ends a sentence where it ends: a paragraph, a list item, a point, a caption. */
export interface Block {
  text: string;
  /** The field it comes from, for positions. */
  path: DataPath;
}

export interface ListInfo {
  items: number;
  path: DataPath;
}

/** What lint scores and checks as one row: the main message, a section, the glossary list. */
export interface LintUnit {
  /** The section id; `(summary)` and `(glossary)` (no section id has parentheses). */
  id: string;
  title: string;
  /** Where the unit starts, for messages about the whole unit. */
  path: DataPath;
  blocks: Block[];
  lists: ListInfo[];
}

/**
 * The text an audience gets in its handout, in reading order, as plain text: the main message,
 * each handout section (body with Markdown stripped, points, image caption) and the glossary list.
 * Headings, code, image alt text, references and speaker notes are not part of it.
 * `topic` is the handout's view (glossary mode applied); `all` the resolved topic it came from.
 */
export function handoutUnits(topic: ResolvedTopic, all: ResolvedTopic, origins: ResolvedOrigins): LintUnit[] {
  const units: LintUnit[] = [];
  if (topic.summary !== null) {
    const blocks = topic.summary.split(/\n\s*\n/).map((p) => ({ text: inlinePlainText(p), path: origins.summary }));
    units.push({ id: '(summary)', title: 'Main message', path: origins.summary, blocks, lists: [] });
  }
  topic.sections.forEach((s, k) => {
    const at = origins.sections[k]!;
    if (!s.handout) return;
    const unit: LintUnit = { id: s.id, title: s.title, path: at.title, blocks: [], lists: [] };
    if (s.body !== null) {
      const body = markdownText(s.body);
      unit.blocks.push(...body.blocks.map((text) => ({ text, path: at.body })));
      unit.lists.push(...body.lists.map((items) => ({ items, path: at.body })));
    }
    unit.blocks.push(...s.points.map((text, j) => ({ text: inlinePlainText(text), path: at.points[j] ?? at.path })));
    if (s.points.length) unit.lists.push({ items: s.points.length, path: at.points[0] ?? at.path });
    if (s.image?.caption) unit.blocks.push({ text: inlinePlainText(s.image.caption), path: at.caption });
    units.push(unit);
  });
  if (topic.glossary.length) {
    const blocks = topic.glossary.map((g) => {
      const i = all.glossary.findIndex((x) => x.term === g.term);
      return { text: inlinePlainText(g.definition), path: origins.glossary[i] ?? ['glossary'] };
    });
    units.push({ id: '(glossary)', title: 'Words to know', path: ['glossary'], blocks, lists: [] });
  }
  return units;
}

/** Plain text of Markdown: one block per paragraph, list item or table cell; the item count of each list. */
export function markdownText(markdown: string): { blocks: string[]; lists: number[] } {
  const tokens = markdownParser().parse(markdown, {});
  const blocks: string[] = [];
  const lists: number[] = [];
  const open: { level: number; items: number }[] = [];
  let heading = false;
  for (const t of tokens) {
    if (t.type === 'heading_open' || t.type === 'th_open') heading = true;
    if (t.type === 'heading_close' || t.type === 'th_close') heading = false;
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') open.push({ level: t.level, items: 0 });
    if (t.type === 'list_item_open' && open.at(-1)?.level === t.level - 1) open.at(-1)!.items++;
    if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') lists.push(open.pop()!.items);
    if (t.type === 'inline' && !heading) {
      const text = inlineText(t.children ?? []);
      if (text.trim()) blocks.push(text);
    }
  }
  return { blocks, lists };
}

/** A short text's words (points, captions, definitions: inline Markdown), without its markup. */
export function inlinePlainText(text: string): string {
  return inlineText(markdownParser().parseInline(text, {})[0]?.children ?? []);
}

/**
 * What a reader reads as words: text, links by their text. Code, formulas, images (alt) and raw
 * HTML are left out: `$\frac{a}{b}$` or `x = 1` are not words, and a sentence is not long for them.
 */
function inlineText(children: Token[]): string {
  return children
    .map((c) => {
      if (c.type === 'text') return c.content;
      if (c.type === 'softbreak' || c.type === 'hardbreak') return ' ';
      return '';
    })
    .join('');
}
