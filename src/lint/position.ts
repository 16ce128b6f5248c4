import type { DataPath, SourceDoc } from '../source/yaml-source.js';

/**
 * The position of a field of the topic file, moved to where `find` (a sentence or a word of that
 * field's text) starts when it can be found there: a long body is a block of many lines, and the
 * message is about one of them. The search is by words, so Markdown markup and YAML line folding
 * in between do not matter; when the text is not found (e.g. it starts with an inserted glossary
 * definition), the field's start is used.
 */
export function locateIn(
  source: SourceDoc,
  path: DataPath,
  at: 'key' | 'value' | undefined,
  find: string | undefined,
): { line: number; col: number } {
  const start = source.locate(path, at);
  if (!find) return start;
  const words = find.match(/[\p{L}\p{N}]+/gu)?.slice(0, 4);
  if (!words?.length) return start;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join('[^\\p{L}\\p{N}]{1,12}')}(?![\\p{L}\\p{N}])`,
    'u',
  );
  const lines = source.text.split('\n');
  const offset = lines.slice(0, start.line - 1).reduce((n, l) => n + l.length + 1, 0) + start.col - 1;
  // Only inside this field: up to the next line indented no deeper than the field's key (or, for a
  // list item, than its value), which starts the next key or item.
  const keyIndent = source.locate(path, 'key').col - 1;
  let end = source.text.length;
  for (
    let i = start.line, at = offset - (start.col - 1) + (lines[start.line - 1]?.length ?? 0) + 1;
    i < lines.length;
    at += lines[i]!.length + 1, i++
  ) {
    const line = lines[i]!;
    if (line.trim() !== '' && line.length - line.trimStart().length <= keyIndent) {
      end = at;
      break;
    }
  }
  const m = pattern.exec(source.text.slice(offset, end));
  if (!m) return start;
  const abs = offset + m.index;
  const before = source.text.slice(0, abs);
  const line = before.split('\n').length;
  return { line, col: abs - before.lastIndexOf('\n') };
}

const escapeRegExp = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
