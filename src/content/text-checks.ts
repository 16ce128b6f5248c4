import type { SourceDoc } from '../source/yaml-source.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { isMapValue, texts } from './walk.js';

/** Lists and quotes nested deeper than this are refused: no one writes them, and renderers would drop what follows. */
export const MAX_TEXT_NESTING = 8;

/** A line's block markers: `- `, `* `, `+ `, `1. `, `1) `, `> `, each starting a container. */
const MARKER = /^(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$)/;

/**
 * How deeply a Markdown line nests lists and quotes: the markers it starts with (`- - - x` is
 * three lists) plus what its indentation continues (two columns a level). An estimate from
 * above, linear in the line, and without loading a Markdown parser.
 */
export function lineNesting(line: string): number {
  if (/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) return 0; // `- - -`: a thematic break
  const indent = /^[ \t]*/.exec(line)![0];
  let rest = line.slice(indent.length);
  let depth = 0;
  for (let m = MARKER.exec(rest); m; m = MARKER.exec(rest)) {
    depth++;
    rest = rest.slice(m[0].length);
  }
  // Indentation continues outer lists only in front of a marker (elsewhere it may be code).
  return depth ? depth + Math.floor(indent.replace(/\t/g, '    ').length / 2) : 0;
}

/**
 * Problems of a topic's text fields that no renderer could show faithfully: Markdown nested
 * deeper than MAX_TEXT_NESTING (markdown-it stops at its nesting limit and silently drops every
 * later slide), and NUL characters (escaped as \0 in YAML or \u0000 in JSON; they reach slides.md
 * and cut C strings short in viewers). Positioned at the field.
 */
export function textProblems(data: unknown, source: SourceDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { path, value } of texts(data)) {
    const variants = isMapValue(value)
      ? Object.entries(value).map(([k, v]) => ({ at: [...path, k], v }))
      : [{ at: path, v: value }];
    for (const { at, v } of variants) {
      if (typeof v !== 'string') continue;
      const where = { file: source.file, ...source.locate(at) };
      if (v.includes('\u0000'))
        out.push(
          error(Codes.schema, 'the text holds a NUL character (\\0)', {
            ...where,
            hint: 'remove the \\0 or \\u0000 escape from the text',
          }),
        );
      let deepest = 0;
      for (const line of v.split('\n')) deepest = Math.max(deepest, lineNesting(line));
      if (deepest > MAX_TEXT_NESTING)
        out.push(
          error(Codes.schema, `lists or quotes nested ${deepest} levels deep; the limit is ${MAX_TEXT_NESTING}`, {
            ...where,
            hint:
              'flatten the list: a slide or handout cannot show more than a few levels (a "-" or "1." at the ' +
              'start of a line opens a level)',
          }),
        );
    }
  }
  return out;
}
