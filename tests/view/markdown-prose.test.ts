import { describe, expect, it } from 'vitest';
import { insertionPoint, proseMask } from '../../src/view/markdown-prose.js';

/** The mask with each hidden run shown as one "·". */
const visible = (md: string) => proseMask(md).replace(/\u0000+/g, '·');

describe('proseMask', () => {
  it('keeps the length and the newlines, so offsets in the mask are offsets in the source', () => {
    const md = '# Head\n\nText with `code` and [a link](http://x).\n\n```\nfenced\n```\n';
    const mask = proseMask(md);
    expect(mask).toHaveLength(md.length);
    expect([...mask].map((c, i) => (c === '\n') === (md[i] === '\n')).every(Boolean)).toBe(true);
  });

  it('hides code spans, links, images, inline HTML, bare URLs and entities inside a paragraph', () => {
    const md = 'Text `code stem` [stem link](http://x/stem) ![stem](a.png) <b>stem</b> https://stem.org &amp; stem end';
    expect(visible(md)).toBe('Text · · · ·stem· · · stem end');
  });

  it('a code span hides the brackets in it; a link text with brackets is one link', () => {
    expect(visible('a `[x](y)` b')).toBe('a · b');
    expect(visible('a [x [y] z](u) b')).toBe('a · b');
    expect(visible('a ``x ` y`` b')).toBe('a · b');
  });

  it('hides HTML blocks and fenced code, keeps quotes and list items', () => {
    const md = '<div>\nstem\n</div>\n\n> quoted stem\n\n1. item stem\n\n~~~\nstem\n~~~\n';
    expect(visible(md)).toBe('·\n·\n·\n\n> quoted stem\n\n1. item stem\n\n·\n·\n·\n');
  });

  it('empty text stays empty', () => {
    expect(proseMask('')).toBe('');
  });
});

describe('insertionPoint', () => {
  it('right after the word by default', () => {
    expect(insertionPoint('cells are', 5, true)).toBe(5);
    expect(insertionPoint('cells', 5, true)).toBe(5);
  });

  it('past a possessive, straight or curly, but not into a longer word', () => {
    expect(insertionPoint("cell's job", 4, false)).toBe(6);
    expect(insertionPoint('cell’s job', 4, true)).toBe(6);
    expect(insertionPoint("cell'sx", 4, true)).toBe(4);
  });

  it('past closing emphasis in Markdown only', () => {
    expect(insertionPoint('**cells** x', 7, true)).toBe(9);
    expect(insertionPoint('***cells*** x', 8, true)).toBe(11);
    expect(insertionPoint('__cells__ x', 7, true)).toBe(9);
    expect(insertionPoint('~~cells~~ x', 7, true)).toBe(9);
    expect(insertionPoint('**cells** x', 7, false)).toBe(7);
    expect(insertionPoint("**cell's** x", 6, true)).toBe(10);
  });

  it('never splits a run of emphasis markers: "**stem cell**s" gets its addition inside the bold', () => {
    expect(insertionPoint('**stem cell**s', 11, true)).toBe(11);
    expect(insertionPoint('*cell*_s', 5, true)).toBe(5);
    expect(insertionPoint('cells_x', 5, true)).toBe(5);
  });
});
