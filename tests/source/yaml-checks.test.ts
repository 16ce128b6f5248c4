import { Composer, Parser } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkCst, checkDocument, MAX_DEPTH } from '../../src/source/yaml-checks.js';

const cst = (text: string) => checkCst([...new Parser().parse(text)]);
const doc = (text: string) => checkDocument([...new Composer().compose(new Parser().parse(text))][0]!);
/** `k:` nested `levels` deep in block style. */
const blockNesting = (levels: number) =>
  Array.from({ length: levels }, (_, i) => ' '.repeat(i * 2) + 'k:').join('\n') + ' x\n';

describe('checkCst', () => {
  it('finds nothing wrong in plain YAML, plain tags included', () => {
    expect(cst("title: T\nlist: [a, {b: c}]\nx: !!str 1\ny: \"q\"\nz: 'it''s'\n")).toEqual([]);
  });

  it('an unclosed "[" or "{" at the bracket, not at the end of the file', () => {
    expect(cst('a: [1, 2\nb: 3\n')).toEqual([{ kind: 'unclosed', offset: 3, message: '[' }]);
    expect(cst('a: {x: [1]\n')).toEqual([{ kind: 'unclosed', offset: 3, message: '{' }]);
  });

  it('an unclosed quote, alone: the brackets it swallowed are not reported', () => {
    expect(cst('a: "x\n')).toEqual([{ kind: 'quote', offset: 3, message: '"' }]);
    expect(cst("a: 'it''s\n")).toEqual([{ kind: 'quote', offset: 3, message: "'" }]);
    expect(cst('a: [x, "y ]\n')).toEqual([{ kind: 'quote', offset: 7, message: '"' }]);
    // An escaped quote does not close a double-quoted value.
    expect(cst('a: "say \\"\n')).toEqual([{ kind: 'quote', offset: 3, message: '"' }]);
  });

  it('tags other than the plain ones, each at its place, in order', () => {
    expect(cst('a: !!binary aGk=\nb: !!str y\nc: !secret z\n')).toEqual([
      { kind: 'tag', offset: 3, message: '!!binary' },
      { kind: 'tag', offset: 31, message: '!secret' },
    ]);
  });

  it('nesting past the limit: how deep, at the first level past it', () => {
    expect(cst(blockNesting(MAX_DEPTH))).toEqual([]);
    const deep = blockNesting(70);
    expect(cst(deep)).toEqual([{ kind: 'depth', offset: deep.indexOf(' '.repeat(128) + 'k:') + 128, message: '70' }]);
    const flow = 'a: ' + '['.repeat(69) + ']'.repeat(69);
    expect(cst(flow)).toEqual([{ kind: 'depth', offset: 3 + MAX_DEPTH - 1, message: '70' }]);
  });

  it('far past the limit, the depth is "more than" ten times the limit', () => {
    const flow = 'a: ' + '['.repeat(700) + ']'.repeat(700);
    expect(cst(flow)).toEqual([{ kind: 'depth', offset: 3 + MAX_DEPTH - 1, message: `more than ${10 * MAX_DEPTH}` }]);
  });
});

describe('checkDocument', () => {
  it('accepts an alias of an earlier anchor', () => {
    expect(doc('a: &x [1]\nb: *x\n')).toEqual([]);
  });

  it('an alias without its anchor, or into the value that holds it', () => {
    expect(doc('a: *nope\n')).toEqual([
      { kind: 'alias', offset: 3, message: 'alias *nope has no &nope anchor before it' },
    ]);
    expect(doc('b: *x\na: &x 1\n')[0]?.message).toBe('alias *x has no &x anchor before it');
    expect(doc('a: &x [1, *x]\n')).toEqual([
      { kind: 'alias', offset: 10, message: 'alias *x refers to a value that contains it (a cycle)' },
    ]);
  });

  it('a key that is a list or a map, also through an alias', () => {
    const key = 'a key must be plain text, not a list or map';
    expect(doc('? [a]\n: c\n')).toEqual([{ kind: 'key', offset: 2, message: key }]);
    expect(doc('x: &k [1]\n? *k\n: v\n')).toEqual([{ kind: 'key', offset: 12, message: key }]);
    expect(doc('x: &k s\n*k : v\n')).toEqual([]);
  });

  it('half of a surrogate pair, from an escape', () => {
    expect(doc('a: "\\ud800"\n')).toEqual([{ kind: 'surrogate', offset: 3, message: '\\uD800' }]);
    expect(doc('a: [ok, "x \\udc00"]\n')).toEqual([{ kind: 'surrogate', offset: 8, message: '\\uDC00' }]);
    expect(doc('a: "\\ud83d\\ude00"\n')).toEqual([]);
  });
});
