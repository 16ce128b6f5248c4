import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../src/render/deck/parse.js';
import { imageOptions } from '../../../src/render/deck/images.js';
import { readYaml } from '../../../src/render/deck/directives.js';
import { renderMarp } from '../../../src/render/slides-html/marp.js';
import { marpTexts, modelText, squeeze } from '../../helpers/deck-text.js';

/** Per slide, what Marp put on its content <section>: classes, page number, footer text. */
function marpSlides(html: string) {
  return html
    .split(/<svg data-marpit-svg[^>]*>/)
    .slice(1)
    .map((svg) => {
      const sections = [...svg.matchAll(/<section([^>]*)>/g)].map((m) => m[1]!);
      const attrs = sections.find((a) => /data-marpit-advanced-background="content"/.test(a)) ?? sections[0]!;
      const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
      return {
        classes: (attr('class') ?? '').split(/\s+/).filter(Boolean),
        page: attr('data-marpit-pagination') ? Number(attr('data-marpit-pagination')) : null,
        footer: /<footer>([\s\S]*?)<\/footer>/.exec(svg)?.[1]?.replace(/<[^>]*>/g, '') ?? null,
      };
    });
}

const CASES: Record<string, string> = {
  'local, spot and front-matter directives': [
    '---\nmarp: true\npaginate: true\nfooter: Deck *footer*\nclass: base\n---\n',
    '<!-- _class: lead -->\n<!-- _paginate: false -->\n# One',
    '---\n## Two\n<!-- class: two -->\ntext',
    '---\n<!-- _footer: "" -->\n## Three',
    '---\n<!-- paginate: hold -->\n## Four',
    '---\n<!-- paginate: skip -->\n## Five',
    '---\n<!-- paginate: true -->\n## Six',
  ].join('\n'),
  'every kind of rule splits, a setext heading does not': '# A\n\n***\n\nB\n---\n\n___\n\n- - -\n\nC',
  headingDivider: '<!-- headingDivider: 2 -->\n# One\ntext\n## Two\n### not split\n## Three',
  'notes and directives told apart': [
    '# A <!-- fit -->\n<!-- a note -->\n<!-- footer: a: b -->\n<!-- prettier-ignore -->',
    'text <!-- inline note --> more\n\n<!--\nmulti\nline: note\n-->',
    '---\n<!-- unknown: key -->\n<!-- _class: x -->\n<!-- backgroundColor: #123456 -->\nbody',
  ].join('\n'),
  'background images, split and sizes': [
    '![bg right:30% fit Diagram \\(x\\)](a.png)\n## Split',
    '---\n![bg left](a.png)\n![bg](b.png)\n## Two backgrounds',
    '---\n![bg vertical](a.png)\n![bg 50%](b.png)\n\n![w:200 h:100 An image](c.png)\n\n*Its caption*',
  ].join('\n'),
  'math and raw HTML':
    'Energy $E = mc^2$ costs $5 and $6.\n\n$$\n\\frac{a}{b}\n$$\n\n<div>kept</div>\n\na <b>bold</b> <u>u</u>',
};

describe('deck model: directives, page numbers and footers as Marp applies them', () => {
  for (const [name, markdown] of Object.entries(CASES)) {
    it(name, async () => {
      const deck = await parseDeck(markdown);
      const marp = await renderMarp(markdown, new Map(), []);
      expect(deck.slides.length).toBe(marp.slides);
      expect(deck.slides.map((s) => s.notes)).toEqual(marp.notes);
      const expected = marpSlides(marp.html);
      const texts = marpTexts(marp.html);
      deck.slides.forEach((s, i) => {
        expect(squeeze(modelText(s)), `slide ${i + 1}`).toBe(squeeze(texts[i]!));
        expect(s.classes, `slide ${i + 1}`).toEqual(expected[i]!.classes);
        expect(s.page, `slide ${i + 1}`).toBe(expected[i]!.page);
        const footer = s.footer?.map((x) => x.text).join('') ?? null;
        expect(footer, `slide ${i + 1}`).toBe(expected[i]!.footer);
      });
    });
  }

  it('reads what Marp reads into the model', async () => {
    const deck = await parseDeck(CASES['background images, split and sizes']!);
    expect(deck.slides[0]!.split).toEqual({ side: 'right', fraction: 0.3 });
    expect(deck.slides[0]!.backgrounds).toEqual([{ url: 'a.png', alt: 'Diagram (x)', size: 'contain' }]);
    expect(deck.slides[0]!.title).toBe('Split');
    expect(deck.slides[1]!.split).toEqual({ side: 'left', fraction: 0.5 });
    expect(deck.slides[1]!.backgrounds.map((b) => b.url)).toEqual(['a.png', 'b.png']);
    expect(deck.slides[2]!.backgroundDirection).toBe('vertical');
    expect(deck.slides[2]!.backgrounds[1]!.size).toBe('50%');
    expect(deck.slides[2]!.blocks).toEqual([
      {
        kind: 'image',
        url: 'c.png',
        alt: 'An image',
        width: '200px',
        height: '100px',
        caption: [{ text: 'Its caption' }],
      },
    ]);
    const math = await parseDeck(CASES['math and raw HTML']!);
    const [p, display] = math.slides[0]!.blocks;
    expect(p).toMatchObject({ kind: 'paragraph' });
    expect(p!.kind === 'paragraph' && p!.inlines.filter((i) => i.math).map((i) => i.text)).toEqual(['E = mc^2']);
    expect(display).toEqual({ kind: 'math', tex: '\\frac{a}{b}' });
    const notes = await parseDeck(CASES['notes and directives told apart']!);
    expect(notes.slides[1]!.backgroundColor).toBe('#123456');
    expect(notes.slides[0]!.footer).toEqual([{ text: 'a: b' }]);
  });

  it('reads image keywords and loose YAML like Marpit', () => {
    expect(imageOptions('bg  right:40%  fit Some alt')).toMatchObject({
      background: true,
      size: 'contain',
      split: { side: 'right', fraction: 0.4 },
      alt: 'Some alt',
    });
    expect(imageOptions('w:300 sepia blur:4px alt text')).toEqual({
      alt: 'alt text',
      background: false,
      width: '300px',
    });
    expect(imageOptions('right:40% not a background')).toEqual({
      alt: 'right:40% not a background',
      background: false,
    });
    expect(readYaml('footer: a: b')).toEqual({ footer: 'a: b' });
    expect(readYaml('paginate: true')).toEqual({ paginate: 'true' });
    expect(readYaml('just a sentence.')).toBeNull();
  });
});
