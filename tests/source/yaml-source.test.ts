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
