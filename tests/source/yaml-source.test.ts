import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/yaml-source.js';

const first = (text: string) => parseSource(text, 'x.yaml').diagnostics[0];

describe('parseSource', () => {
  it('locates values and keys, also after the parsed document was released', () => {
    const { source } = parseSource('title: a\nsections:\n  - title: b\n    points: [x, "y"]\n', 'x.yaml');
    const where = () => [source!.locate(['sections', 0, 'points', 1]), source!.locate(['sections', 0, 'title'], 'key')];
    const before = where();
    expect(before).toEqual([
      { line: 4, col: 17 },
      { line: 3, col: 5 },
    ]);
    source!.release();
    expect(where()).toEqual(before);
  });
  it('reports a tab indent at its line', () => {
    expect(first('title: a\nsections:\n\t- title: b\n')).toMatchObject({ code: 'DH_YAML_SYNTAX', line: 3, col: 1 });
  });
  it('reports duplicate keys', () => {
    expect(first('title: a\ntitle: b\n')).toMatchObject({ code: 'DH_YAML_DUPLICATE_KEY', line: 2 });
  });
  it('reports an unclosed quote', () => {
    expect(first('title: "abc\nsections: []\n')).toMatchObject({ code: 'DH_YAML_SYNTAX', line: 1 });
  });
  it('refuses custom tags', () => {
    expect(first('title: !!js/function x\n')?.code).toBe('DH_YAML_TAG');
    expect(first('title: !secret x\n')).toMatchObject({ code: 'DH_YAML_TAG', line: 1, col: 8 });
  });
  it('stops an alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill('*' + String.fromCharCode(96 + i))
          .join(',')}]`,
      );
    expect(first(lines.join('\n'))?.code).toBe('DH_YAML_ALIAS');
  });
  it('stops absurd nesting', () => {
    expect(first('a: ' + '['.repeat(100) + ']'.repeat(100))?.code).toBe('DH_YAML_DEPTH');
  });
  it('locates keys and values', () => {
    const { source } = parseSource('title: a\nsections:\n  - title: b\n    body: c\n', 'x.yaml');
    expect(source!.locate(['sections', 0, 'body'])).toEqual({ line: 4, col: 11 });
    expect(source!.locate(['sections', 0, 'body'], 'key')).toEqual({ line: 4, col: 5 });
    expect(source!.locate(['sections', 0, 'missing'])).toEqual({ line: 3, col: 5 });
  });
  it('parses JSON with positions', () => {
    const { source } = parseSource('{\n  "title": "a",\n  "sections": [{"title": 1}]\n}', 'x.json');
    expect(source!.locate(['sections', 0, 'title'])).toEqual({ line: 3, col: 26 });
  });
});

describe('parseSource: messages for the mistakes people make', () => {
  const all = (text: string) =>
    parseSource(text, '/p/x.yaml').diagnostics.map((d) => [d.code, d.line, d.col, d.message]);
  it.each([
    [
      'a second document',
      'title: a\n---\ntitle: b\n',
      ['DH_YAML_SYNTAX', 2, 1, 'a topic file holds one YAML document; this "---" starts a second one'],
    ],
    [
      'a duplicate key, named even when quoted',
      'title: a\n"title": b\n',
      ['DH_YAML_DUPLICATE_KEY', 2, 1, 'duplicate key "title" in a map'],
    ],
    [
      'a colon inside a value',
      'title: a: b\n',
      ['DH_YAML_SYNTAX', 1, 8, 'YAML syntax: ": " inside a value starts a map; put the value in quotes'],
    ],
    [
      'a value starting with a reserved character',
      'title: @home\n',
      ['DH_YAML_SYNTAX', 1, 8, 'YAML syntax: a value cannot start with "@"; put the value in quotes'],
    ],
    [
      'an unclosed bracket, at the bracket',
      'a: [1, 2\nb: 3\n',
      ['DH_YAML_SYNTAX', 1, 4, 'YAML syntax: this "[" is never closed'],
    ],
    ['an alias with no anchor', 'a: *nope\n', ['DH_YAML_ALIAS', 1, 4, 'alias *nope has no &nope anchor before it']],
    [
      'a collection as a key',
      '? [a, b]\n: c\n',
      ['DH_YAML_SYNTAX', 1, 3, 'YAML syntax: a key must be plain text, not a list or map'],
    ],
    [
      'half a surrogate pair',
      'a: "\\ud800"\n',
      ['DH_FILE_ENCODING', 1, 4, 'text contains half of a character (the escape \\uD800 without its pair)'],
    ],
  ])('%s', (_name, text, want) => {
    expect(all(text)).toEqual([want]);
  });

  it('hints name the fix', () => {
    const hint = (text: string) => parseSource(text, '/p/x.yaml').diagnostics[0]!.hint;
    expect(hint('title: @home\n')).toBe('e.g. title: "@home" instead of title: @home');
    expect(hint('a: "x\n')).toBe('add the closing " (inside "…", write \\" for a quote character)');
    expect(hint('a: {x: 1\n')).toBe('add the closing "}"');
    expect(hint('a: b\n\tc: d\n')).toBe('YAML indentation must use spaces, not tabs');
  });

  it('an empty value is located at its key; diagnostics name the file as given', () => {
    const { source } = parseSource('title:\nsections: []\n', '/p/x.yaml');
    expect(source!.locate(['title'])).toEqual({ line: 1, col: 1 });
    expect(source!.data).toEqual({ title: null, sections: [] });
    expect(parseSource('a: *x\n', '/p/x.yaml').diagnostics[0]!.file).toBe('/p/x.yaml');
  });
});
