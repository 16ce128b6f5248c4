/**
 * What an indentation mistake looks like to a writer, not to the parser. yaml reports a line indented
 * too far as "nested mappings are not allowed in compact mappings" at the value *above* it (often twice,
 * and once more for the next line), and a reader then hunts for a quoting problem that is not there.
 * This finds the line that is out of place and says how far to indent it.
 */
export interface YamlExplanation {
  offset: number;
  message: string;
  hint: string;
  /** 1-based lines the explanation covers: errors yaml reports on them follow from this one mistake. */
  lines: number[];
}

interface Line {
  no: number;
  start: number;
  text: string;
  indent: number;
}

const KEY = /^(\s*)((?:-\s+)*)([^\s#:'"{[\-][^:#]*?|"[^"]*"|'[^']*'):(\s|$)/;

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  text.split('\n').forEach((t, i) => {
    out.push({ no: i + 1, start, text: t, indent: t.length - t.trimStart().length });
    start += t.length + 1;
  });
  return out;
}

const isContent = (l: Line) => l.text.trim() !== '' && !l.text.trimStart().startsWith('#');

/** The key a line starts (after any `- `), with the column it starts at (0-based). */
function keyOf(l: Line): { key: string; col: number } | undefined {
  const m = KEY.exec(l.text);
  return m ? { key: m[3]!.trim(), col: m[1]!.length + m[2]!.length } : undefined;
}

const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;

export function explainYamlError(
  code: string,
  message: string,
  pos: number,
  text: string,
): YamlExplanation | undefined {
  const lines = splitLines(text);
  const at = lines.findIndex((l) => pos >= l.start && pos <= l.start + l.text.length);
  if (at < 0) return undefined;
  const line = lines[at]!;
  const next = lines.slice(at + 1).find(isContent);
  const prev = lines.slice(0, at).reverse().find(isContent);

  if (code === 'BLOCK_AS_IMPLICIT_KEY' && /block sequence/i.test(message) && line.text.trimStart().startsWith('-')) {
    // "- b" one column off from the items above it.
    const sibling = lines
      .slice(0, at)
      .reverse()
      .find((l) => isContent(l) && l.text.trimStart().startsWith('-') && l.indent !== line.indent);
    if (sibling)
      return {
        offset: line.start + line.indent,
        message: 'YAML syntax: this list item is not indented like the items above it',
        hint:
          `start it at column ${sibling.indent + 1} (${spaces(sibling.indent)} before the "-"), like the item on ` +
          `line ${sibling.no}`,
        lines: [line.no],
      };
  }

  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    const own = keyOf(line);
    const nextKey = next && keyOf(next);
    if (own && next && nextKey && next.indent > own.col) {
      return {
        offset: next.start + next.indent,
        message:
          `YAML syntax: this line is indented more than "${own.key}:" on line ${line.no}, so it cannot start a ` +
          `key of its own`,
        hint:
          `indent "${nextKey.key}:" like "${own.key}:" (${spaces(own.col)}), or put the text of line ${line.no} ` +
          `in quotes if "${nextKey.key}: …" belongs to it`,
        lines: [line.no, next.no],
      };
    }
  }

  if (code === 'MISSING_CHAR' && /without - indicator/.test(message) && prev) {
    // A key indented less than the keys of the list item above it, but more than the list.
    const above = keyOf(prev);
    const own = keyOf(line);
    if (above && own && line.indent < above.col)
      return {
        offset: line.start + line.indent,
        message: `YAML syntax: this line is indented less than "${above.key}:" on line ${prev.no}`,
        hint: `indent "${own.key}:" like "${above.key}:" (${spaces(above.col)}); a new list item starts with "- "`,
        lines: [line.no],
      };
  }
  return undefined;
}
