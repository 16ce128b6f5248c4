import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { commentText, mdInline, mdParagraphs } from '../../src/templates/escape.js';

// linkify as Marp has it: plain text must not turn into links either.
const md = new MarkdownIt({ html: true, linkify: true });

describe('Markdown escaping of plain text', () => {
  it.each([
    '---',
    '# heading',
    '<!-- x -->',
    '- item',
    '1. item',
    '`code`',
    '[a](javascript:alert(1))',
    '<script>alert(1)</script>',
    '*a* _b_ ~c~ |d|',
    'a & b',
    '$x$',
    '+ plus',
    '===',
    'see https://example.org/a.b or www.example.org, mail a@b.org',
    'e.g. 1.5 mg',
  ])('%s stays literal text in one paragraph', (text) => {
    const tokens = md.parse(mdInline(text), {});
    expect(tokens.map((t) => t.type)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
    expect(
      md
        .renderInline(mdInline(text))
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
    ).toBe(text);
  });
  it('folds newlines so text cannot start a block', () => {
    expect(mdInline('a\n---\nb')).toBe('a --- b');
  });
  it('keeps paragraphs', () => {
    expect(mdParagraphs('one\n\n# two')).toBe('one\n\n\\# two');
  });
  it('notes cannot close their comment', () => {
    const out = commentText('a --> b <!-- c --!> d');
    expect(out).not.toMatch(/-->|<!--|--!>/);
  });
});
