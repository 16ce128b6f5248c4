import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { mathPlugin } from '../../src/math/markdown-it-math.js';
import { inlineMarkdown, inlineParagraphs, plainWithMath } from '../../src/templates/inline-markdown.js';

// As the deck reads Markdown: HTML on (the allowlist), linkify on, math on.
const md = new MarkdownIt({ html: true, linkify: true }).use(mathPlugin);
const ALLOWED = new Set([
  'text',
  'strong_open',
  'strong_close',
  'em_open',
  'em_close',
  'code_inline',
  'link_open',
  'link_close',
  'math_inline',
]);

function inlineTokens(markdown: string): Token[] {
  const tokens = md.parse(markdown, {});
  expect(tokens.map((t) => t.type)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
  return tokens[1]!.children!;
}
const shape = (ts: Token[]) =>
  ts
    .filter((t) => t.type !== 'text' || t.content !== '')
    .map((t) =>
      t.type === 'text'
        ? `"${t.content}"`
        : t.type === 'link_open'
          ? `link(${t.attrGet('href')})`
          : t.type + (t.content ? `:${t.content}` : ''),
    )
    .join(' ')
    .replace(/" "/g, '');

describe('{{inline}}: the inline Markdown of short texts', () => {
  it.each([
    [
      '**Bold** and *it* with `code`',
      'strong_open "Bold" strong_close " and " em_open "it" em_close " with " code_inline:code',
    ],
    [
      'a [link](https://example.org/a) and [mail](mailto:a@b.org)',
      '"a " link(https://example.org/a) "link" link_close " and " link(mailto:a@b.org) "mail" link_close',
    ],
    ['oral morphine $F \\approx 0.25$', '"oral morphine " math_inline:F \\approx 0.25'],
    ['A $5 copay, or $5–$10 a month', '"A $5 copay, or $5–$10 a month"'],
    ['# not a heading', '"# not a heading"'],
    ['--- not a rule', '"--- not a rule"'],
    ['<!-- _class: invert -->', '"<!-- _class: invert -->"'],
    ['<b onclick="x()">html</b>', '"<b onclick="x()">html</b>"'],
    ['[js](javascript:alert(1)) [f](file:///etc/passwd)', '"[js](javascript:alert(1)) [f](file:///etc/passwd)"'],
    ['![img](https://evil.example/x.png)', '"![img](https://evil.example/x.png)"'],
    ['see https://example.org or www.example.org', '"see https://example.org or www.example.org"'],
    ['1. not a list', '"1. not a list"'],
    ['- not a list', '"- not a list"'],
    ['~~strike~~ :smile: &amp; a\\*b', '"~~strike~~ :smile: &amp; a*b"'],
    ['``a ` b``', 'code_inline:a ` b'],
  ])('%s', (text, expected) => {
    expect(shape(inlineTokens(inlineMarkdown(text)))).toBe(expected);
  });

  it('cannot be made to produce anything but text, emphasis, code, http(s)/mailto links and math', () => {
    const piece = fc.constantFrom(
      ...['*', '**', '_', '`', '```', '[', ']', '(', ')', '<', '>', '!', '#', '-', '---', '1.', '$', '$$', '\\', '|'],
      ...[
        '<!--',
        '-->',
        '<script>',
        'javascript:',
        'https://x.org',
        'mailto:a@b.c',
        'a',
        'b c',
        ' ',
        '\n',
        '&amp;',
        'x^2',
      ],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const out = inlineMarkdown(pieces.join(''));
        if (out === '') return;
        for (const t of inlineTokens(out)) {
          expect(ALLOWED.has(t.type), `${t.type} in ${JSON.stringify(out)}`).toBe(true);
          if (t.type === 'link_open') expect(t.attrGet('href')).toMatch(/^(https?:|mailto:)/);
        }
      }),
      { numRuns: 2000, seed: 14 },
    );
  });

  it('keeps paragraphs apart (the summary slide), and one line otherwise', () => {
    expect(inlineParagraphs('one **a**\n\ntwo\nlines')).toBe('one **a**\n\ntwo lines');
    expect(inlineMarkdown('one\n\ntwo')).toBe('one two');
  });
});

describe('{{mdMath}}: plain text with formulas (titles)', () => {
  it('keeps only the formula', () => {
    expect(shape(inlineTokens(plainWithMath('Half-life $t_{1/2}$ **not bold** `not code` $5')))).toBe(
      '"Half-life " math_inline:t_{1/2} " **not bold** `not code` $5"',
    );
    expect(shape(inlineTokens(plainWithMath('# $x$')))).toBe('"# " math_inline:x');
  });
});
