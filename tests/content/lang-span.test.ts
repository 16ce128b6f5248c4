import { describe, expect, it } from 'vitest';
import { langSpansToHtml, stripLangSpans, tagLang } from '../../src/content/lang-span.js';
import { parseMarkdown } from '../../src/render/handout-pdf/markdown.js';
import { toBlocks } from '../../src/render/handout-pdf/blocks.js';

describe('text tagged with another language', () => {
  it('becomes a span in Markdown, or nothing in plain text', () => {
    const t = `${tagLang('Call your doctor.', 'en-US')} (en inglés)`;
    expect(langSpansToHtml(t)).toBe('<span lang="en-US">Call your doctor.</span> (en inglés)');
    expect(stripLangSpans(t)).toBe('Call your doctor. (en inglés)');
  });

  it('marks Markdown line by line after block markers, leaving code, tables and blank lines alone', () => {
    const body = '## Steps\n\n- Rest.\n1. Drink water.\n\n```\ncode\n```\n| a | b |';
    expect(langSpansToHtml(tagLang(body, 'en'))).toBe(
      '## <span lang="en">Steps</span>\n\n- <span lang="en">Rest.</span>\n1. <span lang="en">Drink water.</span>' +
        '\n\n```\ncode\n```\n| a | b |',
    );
  });

  it('reaches the handout blocks as inline text with its language, lists intact', async () => {
    const md = langSpansToHtml(`${tagLang('Rest well.\n\n- Drink *water*.', 'en')} (en inglés)`);
    const { blocks, notes } = toBlocks(await parseMarkdown(md));
    expect(notes).toEqual([]);
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', inlines: [{ text: 'Rest well.', lang: 'en' }] });
    expect(blocks[1]!.kind).toBe('list');
    const item = (blocks[1] as { items: { inlines: unknown[] }[][] }).items[0]![0]!.inlines;
    expect(item).toEqual([
      expect.objectContaining({ text: 'Drink ', lang: 'en' }),
      expect.objectContaining({ text: 'water', lang: 'en', italic: true }),
      expect.objectContaining({ text: '.', lang: 'en' }),
      { text: ' (en inglés)' },
    ]);
  });
});
