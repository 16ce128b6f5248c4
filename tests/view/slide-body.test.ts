import { describe, expect, it } from 'vitest';
import { bodyBlocks, estimate, joinBlocks, slideSafeBody } from '../../src/view/slide-body.js';

const ZWSP = '\u200B';
const BODY = [
  '## Head',
  '',
  'First sentence here. Second one follows! Third? Yes.',
  '',
  '- one',
  '- two',
  '  more',
  '- three',
  '',
  '3. c',
  '4. d',
  '',
  '```',
  'code',
  '```',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  'One `a. B` and *x. Y* end. Next.',
].join('\n');

describe('slideSafeBody (rendering checks are in slide-plan.test.ts)', () => {
  it('a thematic break becomes HTML; a comment on its own line is dropped; CRLF and trailing space go', () => {
    expect(slideSafeBody('a\r\n\r\n---\r\n\r\nb  \n\n')).toBe('a\n\n<hr>\n\n\nb');
    expect(slideSafeBody('a\n\n<!-- note -->\n\nb')).toBe('a\n\n\nb');
  });

  it('comments elsewhere and <style> are broken with a zero-width space', () => {
    expect(slideSafeBody('x <!-- y --> z')).toBe(`x <!${ZWSP}-- y --> z`);
    expect(slideSafeBody('<style>a{}</STYLE>')).toBe(`<${ZWSP}style>a{}</${ZWSP}STYLE>`);
  });

  it('an open fence is closed with its own marker; an open <pre> no longer starts an HTML block', () => {
    expect(slideSafeBody('~~~~ js\ncode')).toBe('~~~~ js\ncode\n~~~~');
    expect(slideSafeBody('<pre>\nx')).toBe('&lt;pre>\nx');
    expect(slideSafeBody('```\nclosed\n```')).toBe('```\nclosed\n```');
  });
});

describe('bodyBlocks', () => {
  const blocks = bodyBlocks(BODY);

  it('top-level blocks; list items one by one; a paragraph cut between sentences', () => {
    expect(blocks.map((b) => b.text)).toEqual([
      '## Head',
      'First sentence here.',
      'Second one follows!',
      'Third?',
      'Yes.',
      '- one',
      '- two\n  more',
      '- three',
      '3. c',
      '4. d',
      '```\ncode\n```',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      'One `a. B` and *x. Y* end.',
      'Next.',
    ]);
  });

  it('pieces of one list or paragraph share a group and how to join them', () => {
    const groups = blocks.map((b) => [b.group !== undefined, b.joiner]);
    expect(groups.slice(0, 2)).toEqual([
      [false, undefined],
      [true, ' '],
    ]);
    expect(blocks[5]!.group).toBe(blocks[7]!.group);
    expect(blocks[8]!.group).not.toBe(blocks[7]!.group);
    expect(blocks[5]!.joiner).toBe('\n');
  });

  it('never cuts inside inline markup', () => {
    expect(bodyBlocks('A `b. C` d. E [f. G](u) h. I *j. K* l.').map((b) => b.text)).toEqual([
      'A `b. C` d.',
      'E [f. G](u) h.',
      'I *j. K* l.',
    ]);
    expect(bodyBlocks('One sentence only.').map((b) => b.group)).toEqual([undefined]);
  });

  it('heights: code by its lines, tables by their rows, headings a bit more, sentences share the gap', () => {
    const at = (i: number) => blocks[i]!.lines(40);
    expect(at(0)).toBeCloseTo(2);
    expect(at(10)).toBeCloseTo(2.7);
    expect(at(11)).toBe(3);
    expect(at(1)).toBeCloseTo(1 + 0.4 / 4);
    expect(at(6)).toBeCloseTo(2.4);
  });

  it('joinBlocks gives the body back', () => {
    expect(joinBlocks(blocks)).toBe(BODY);
    expect(joinBlocks(blocks.slice(1, 3))).toBe('First sentence here. Second one follows!');
    expect(joinBlocks([blocks[4]!, blocks[5]!])).toBe('Yes.\n\n- one');
    expect(joinBlocks([])).toBe('');
  });
});

describe('estimate', () => {
  it('wrapped lines plus the gap after a block', () => {
    expect(estimate('a'.repeat(95), 40)).toBeCloseTo(3.4);
    expect(estimate('x\ny', 40)).toBeCloseTo(2.4);
    expect(estimate('', 40)).toBeCloseTo(1.4);
  });

  it('markup and link targets take no room; images a third of a slide; at least ten characters a line', () => {
    expect(estimate(`[link](http://example.org/${'a'.repeat(80)})`, 40)).toBeCloseTo(1.4);
    expect(estimate('**bold** _it_ `c`', 40)).toBeCloseTo(1.4);
    expect(estimate('![a](b.png)', 40)).toBeCloseTo(4.4);
    expect(estimate('a'.repeat(20), 4)).toBeCloseTo(2.4);
  });
});
