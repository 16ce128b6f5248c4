import { describe, expect, it } from 'vitest';
import { bodyBlocks, joinBlocks, slideSafeBody } from '../../src/view/slide-body.js';

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
  const blocks = bodyBlocks(BODY).flatMap((b) => b.pieces ?? [b]);

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
    expect(bodyBlocks('A `b. C` d. E [f. G](u) h. I *j. K* l.')[0]!.pieces!.map((b) => b.text)).toEqual([
      'A `b. C` d.',
      'E [f. G](u) h.',
      'I *j. K* l.',
    ]);
    expect(bodyBlocks('One sentence only.').map((b) => b.pieces)).toEqual([undefined]);
  });

  it('kinds: what the planner measures each block as; only paragraphs and tables have pieces', () => {
    const top = bodyBlocks(BODY);
    expect(top.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'item',
      'item',
      'item',
      'item',
      'item',
      'code',
      'table',
      'paragraph',
    ]);
    expect(top.filter((b) => b.pieces).map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('a table taller than a slide continues by rows, with its header repeated', () => {
    const [table] = bodyBlocks('| h | i |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |');
    expect(table!.pieces!.map((p) => p.text)).toEqual(['| 1 | 2 |', '| 3 | 4 |', '| 5 | 6 |']);
    expect(joinBlocks(table!.pieces!.slice(1))).toBe('| h | i |\n|---|---|\n| 3 | 4 |\n| 5 | 6 |');
  });

  it('joinBlocks gives the body back', () => {
    expect(joinBlocks(blocks)).toBe(BODY);
    expect(joinBlocks(blocks.slice(1, 3))).toBe('First sentence here. Second one follows!');
    expect(joinBlocks([blocks[4]!, blocks[5]!])).toBe('Yes.\n\n- one');
    expect(joinBlocks([])).toBe('');
  });
});
