import type { Token } from 'markdown-it';
import type { Text, TopicData } from '../content/schema.js';
import type { Topic } from '../content/types.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { findMath } from '../math/dollars.js';
import type { DataPath } from '../source/yaml-source.js';
import { markdownParser } from '../view/markdown-prose.js';
import { locateIn } from './position.js';

interface Found {
  tex: string;
  display: boolean;
  path: DataPath;
}

/**
 * Every formula of a topic, in every audience's variant of every field that shows math (titles,
 * the summary, bodies, points, captions, definitions, reference text), through the math engine:
 * one it rejects is an error at its field (DH_MATH), with the engine's message. The engine loads
 * only for a topic that has math.
 */
export async function mathProblems(topic: Topic): Promise<Diagnostic[]> {
  const found = formulasOf(topic.data);
  if (!found.length) return [];
  const { typeset } = await import('../math/engine.js');
  const results = await typeset(found);
  const { formulaKey } = await import('../math/types.js');
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const result = results.get(formulaKey(f.tex, f.display));
    const where = JSON.stringify([f.path, f.tex]);
    if (!result || result.ok || seen.has(where)) continue;
    seen.add(where);
    const shown = f.display ? `$$${f.tex}$$` : `$${f.tex}$`;
    out.push(
      error(Codes.math, `formula ${shown} cannot be typeset: ${result.message}`, {
        file: topic.path,
        ...atDollar(topic.source.text, locateIn(topic.source, f.path, 'value', f.tex)),
        hint: 'correct the TeX; a dollar sign that is not math: \\$ (or "$5" with a digit or space after the second $)',
      }),
    );
  }
  return out;
}

/** From the formula's first word back to its opening `$` (or `$$`), when that is on the same line. */
function atDollar(text: string, at: { line: number; col: number }): { line: number; col: number } {
  const line = text.split('\n')[at.line - 1] ?? '';
  let i = at.col - 1;
  while (i > 0 && line[i - 1] === '\\') i--;
  if (line[i - 1] !== '$') return at;
  while (i > 0 && line[i - 1] === '$') i--;
  return { line: at.line, col: i + 1 };
}

/** Formulas with the field (and variant) each is in. */
export function formulasOf(d: TopicData): Found[] {
  const out: Found[] = [];
  const each = (
    value: Text | undefined,
    path: DataPath,
    find: (text: string) => { tex: string; display: boolean }[],
  ) => {
    if (value === undefined) return;
    const variants: [string, DataPath][] =
      typeof value === 'string' ? [[value, path]] : Object.entries(value).map(([k, v]) => [v, [...path, k]]);
    for (const [text, at] of variants) {
      if (text.includes('$')) for (const m of find(text)) out.push({ ...m, path: at });
    }
  };
  each(d.title, ['title'], plain);
  each(d.summary, ['summary'], markdown);
  d.sections.forEach((s, i) => {
    const at = ['sections', i];
    each(s.title, [...at, 'title'], plain);
    each(s.body, [...at, 'body'], markdown);
    (s.points ?? []).forEach((p, j) =>
      typeof p === 'object' && 'text' in p && !isText(p)
        ? each(p.text, [...at, 'points', j, 'text'], markdown)
        : each(p as Text, [...at, 'points', j], markdown),
    );
    each(s.image?.caption, [...at, 'image', 'caption'], markdown);
  });
  (d.glossary ?? []).forEach((g, i) => each(g.definition, ['glossary', i, 'definition'], markdown));
  (d.references ?? []).forEach((r, i) => each(r.text, ['references', i, 'text'], markdown));
  return out;
}

/** A variant map has only string values; a point object has `text` (and `audience`, a list). */
const isText = (p: object): boolean => Object.values(p).every((v) => typeof v === 'string');

const plain = (text: string) => findMath(text);

/** Formulas as the Markdown parser sees them (not inside code). */
function markdown(text: string): { tex: string; display: boolean }[] {
  const out: { tex: string; display: boolean }[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const t of tokens) {
      if (t.type === 'math_block') out.push({ tex: t.content, display: true });
      if (t.type === 'math_inline')
        out.push({ tex: t.content, display: Boolean((t.meta as { display?: boolean } | null)?.display) });
      if (t.children) walk(t.children);
    }
  };
  walk(markdownParser().parse(text, {}));
  return out;
}
