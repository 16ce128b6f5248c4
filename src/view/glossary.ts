import type { GlossaryMode } from '../config/types.js';
import type { ResolvedTopic } from '../content/types.js';
import { inlineMarkdown } from '../templates/inline-markdown.js';
import type { TemplateKind } from '../templates/lookup.js';
import { termMatcher, type TermMatch } from './glossary-terms.js';
import { insertionPoint, proseMask } from './markdown-prose.js';
import { agreeingPhrase, explainedHere, parenthesisDepth } from './glossary-reads.js';

/**
 * The topic as one output shows its glossary (the audience's `glossary` setting):
 * - `none`: no glossary;
 * - `list`: the glossary as a list (unchanged);
 * - `inline` (handout only): the first use of each term in the handout's text is followed by its
 *   definition in parentheses, once; the glossary list keeps only the terms the text uses.
 *   Slides keep the list: a definition inside a bullet would crowd the slide.
 * Pure: returns a new topic, the input is not changed.
 */
export function applyGlossary(topic: ResolvedTopic, kind: TemplateKind, mode: GlossaryMode): ResolvedTopic {
  if (mode === 'none') return { ...topic, glossary: [] };
  if (mode === 'list' || kind !== 'handout' || !topic.glossary.length) return topic;
  return inlineGlossary(topic);
}

function inlineGlossary(topic: ResolvedTopic): ResolvedTopic {
  const find = termMatcher(topic.glossary.map((g) => g.term));
  const used = new Set<number>();
  const defined = new Set<number>();

  // Reading order of the handout: the main message, then each section's body, points and caption.
  const edit = (text: string, markdown: boolean): string => {
    const mask = markdown ? proseMask(text) : text;
    const inserts: { at: number; text: string }[] = [];
    const depth = parenthesisDepth(mask);
    for (const m of find(text)) {
      used.add(m.entry);
      // A term in a heading, link or code is used (so it stays in the list) but defined where prose allows.
      if (defined.has(m.entry) || (markdown && isHidden(mask, m))) continue;
      const entry = topic.glossary[m.entry]!;
      const at = insertionPoint(text, m.end, markdown);
      // The sentence says what the term is already: the reader has it, no later use needs it either.
      if (explainedHere(text, at, entry.term, entry.definition)) {
        defined.add(m.entry);
        continue;
      }
      // Never "(INR (a blood test …))": inside parentheses, a later use gets the definition.
      if (depth(m.start) > 0) continue;
      const phrase = agreeingPhrase(
        lastWord(entry.term),
        lastWord(text.slice(m.start, m.end)),
        definitionPhrase(entry.definition),
      );
      // No form agrees with the text here ("stem cell" for "cells that …"): a later use may.
      if (phrase === null) continue;
      defined.add(m.entry);
      if (phrase)
        inserts.push({
          at,
          // The definition is inline Markdown itself (bold, links, math); made safe for where it goes.
          text: ` (${markdown ? inlineMarkdown(phrase) : phrase})`,
        });
    }
    let out = text;
    for (const ins of inserts.reverse()) out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);
    return out;
  };
  // Every text that gets a definition is Markdown: the body, and the short texts (inline Markdown).
  const summary = topic.summary === null ? null : edit(topic.summary, true);
  const sections = topic.sections.map((s) => {
    if (!s.handout) return s;
    const body = s.body === null ? null : edit(s.body, true);
    const points = s.points.map((p) => edit(p, true));
    const image = s.image && s.image.caption !== null ? { ...s.image, caption: edit(s.image.caption, true) } : s.image;
    return { ...s, body, points, image };
  });
  return { ...topic, summary, sections, glossary: topic.glossary.filter((_, i) => used.has(i)) };
}

const isHidden = (mask: string, m: TermMatch) => mask.slice(m.start, m.end).includes('\u0000');
const lastWord = (s: string) => s.trim().split(/\s+/).at(-1) ?? '';

/**
 * A definition as it reads inside parentheses after its term: without its final full stop and with a
 * lower-case first word when that is an ordinary capitalised word ("A disease …" → "a disease …").
 */
export function definitionPhrase(definition: string): string {
  // Its own parentheses become commas: the phrase goes inside parentheses, which never nest.
  let s = definition
    .replace(/\s*\(([^()]*)\)/g, ', $1,')
    .replace(/,\s*([,.;:!?]|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (/[^.]\.$/.test(s)) s = s.slice(0, -1);
  if (/^(?!I\b)[A-Z][a-z]*\b/.test(s)) s = s.charAt(0).toLowerCase() + s.slice(1);
  return s;
}
