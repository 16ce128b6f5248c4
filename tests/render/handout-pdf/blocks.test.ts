import { describe, expect, it } from 'vitest';
import { toBlocks } from '../../../src/render/handout-pdf/blocks.js';
import { splitFrontMatter } from '../../../src/render/handout-pdf/front-matter.js';
import { parseMarkdown } from '../../../src/render/handout-pdf/markdown.js';

const blocks = async (md: string) => toBlocks(await parseMarkdown(md));

describe('handout Markdown → blocks', () => {
  it('headings keep levels 1–4 (deeper ones are set as level 4)', async () => {
    const { blocks: b } = await blocks('# One\n\n## Two\n\n### Three\n\n#### Four\n\n###### Six');
    expect(b.map((x) => (x.kind === 'heading' ? x.level : null))).toEqual([1, 2, 3, 4, 4]);
  });

  it('inline styles and links; only absolute links become clickable', async () => {
    const {
      blocks: [p],
    } = await blocks('A **b** *i* `c` [web](https://x.org/a?b=1) [local](page.html) <mailto:a@b.org>');
    expect(p).toEqual({
      kind: 'paragraph',
      inlines: [
        { text: 'A ' },
        { text: 'b', bold: true },
        { text: ' ' },
        { text: 'i', italic: true },
        { text: ' ' },
        { text: 'c', code: true },
        { text: ' ' },
        { text: 'web', link: 'https://x.org/a?b=1', linkId: 1 },
        { text: ' ' },
        { text: 'local' },
        { text: ' ' },
        { text: 'mailto:a@b.org', link: 'mailto:a@b.org', linkId: 2 },
      ],
    });
  });

  it('an image alone in a paragraph followed by an emphasised paragraph: a figure with its caption', async () => {
    const { blocks: b } = await blocks('![A *chart*](<img/a b.png>)\n\n*Blood pressure by age.*\n\nNext.');
    expect(b).toEqual([
      { kind: 'image', url: 'img/a b.png', alt: 'A chart', caption: [{ text: 'Blood pressure by age.' }] },
      { kind: 'paragraph', inlines: [{ text: 'Next.' }] },
    ]);
  });

  it('GFM tables with column alignment', async () => {
    const {
      blocks: [t],
    } = await blocks('| A | B | C |\n|:--|--:|:-:|\n| 1 | **2** | 3 |');
    expect(t).toEqual({
      kind: 'table',
      header: [[{ text: 'A' }], [{ text: 'B' }], [{ text: 'C' }]],
      rows: [[[{ text: '1' }], [{ text: '2', bold: true }], [{ text: '3' }]]],
      align: ['left', 'right', 'center'],
    });
  });

  it('definition lists (the glossary), nested lists, quotes, rules, code and page breaks', async () => {
    const { blocks: b, notes } = await blocks(
      'term\n: its definition\n\n- a\n  1. b\n\n> quoted\n\n---\n\n```\nx  y\n```\n\n<!-- pagebreak -->\n\n<!-- a ' +
        'comment -->\n\n<div>raw</div>',
    );
    expect(b.map((x) => x.kind)).toEqual(['definitions', 'list', 'quote', 'rule', 'code', 'pagebreak']);
    expect(b[0]).toEqual({
      kind: 'definitions',
      items: [
        { term: [{ text: 'term' }], definitions: [[{ kind: 'paragraph', inlines: [{ text: 'its definition' }] }]] },
      ],
    });
    expect(b[1]).toMatchObject({
      kind: 'list',
      ordered: false,
      items: [[{ kind: 'paragraph' }, { kind: 'list', ordered: true, start: 1 }]],
    });
    expect(b[4]).toEqual({ kind: 'code', text: 'x  y' });
    expect(notes).toEqual(['raw HTML is not shown in handouts']);
  });
});

describe('handout front matter', () => {
  it('reads the title block fields and leaves the body', () => {
    const { meta, body } = splitFrontMatter(
      '---\ntitle: "R&D"\nauthors: ["A", "B"]\nsubtitle: ""\ndate: 2026-01-15\n---\n\n# Body\n',
    );
    expect(meta).toMatchObject({ title: 'R&D', authors: ['A', 'B'], subtitle: null, date: '2026-01-15' });
    expect(body).toBe('\n# Body\n');
  });

  it('no front matter: all fields empty; broken front matter: a problem to report', () => {
    expect(splitFrontMatter('# Hi').meta.title).toBeNull();
    expect(splitFrontMatter('---\ntitle: [\n---\nx').problem).toMatch(/not valid YAML/);
  });
});
