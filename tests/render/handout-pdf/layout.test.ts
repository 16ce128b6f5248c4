import { describe, expect, it } from 'vitest';
import { toBlocks } from '../../../src/render/handout-pdf/blocks.js';
import type { Item, Slice } from '../../../src/render/handout-pdf/flow.js';
import { emptyMeta, type HandoutMeta } from '../../../src/render/handout-pdf/front-matter.js';
import { furniture, layoutHandout } from '../../../src/render/handout-pdf/layout.js';
import { breakLines, withFallbacks, type Run } from '../../../src/render/handout-pdf/line-break.js';
import { parseMarkdown } from '../../../src/render/handout-pdf/markdown.js';
import { paginate, type Page } from '../../../src/render/handout-pdf/paginate.js';
import { handoutStyle } from '../../../src/render/handout-pdf/style.js';
import { fakeMetrics } from '../../helpers/fake-metrics.js';

// Fake metrics, body 10 pt: a line is 15 pt high, paragraphs are 7.5 pt apart, a character is 5 pt wide.
const NO_META: HandoutMeta = emptyMeta();

async function typeset(
  md: string,
  pageHeight: number,
  images: Record<string, { width: number; height: number }> = {},
  meta = NO_META,
) {
  const style = handoutStyle(10, 'LETTER');
  style.content.height = pageHeight;
  const { blocks } = toBlocks(await parseMarkdown(md));
  const layout = layoutHandout({
    blocks,
    meta,
    style,
    metrics: fakeMetrics(),
    images: new Map(Object.entries(images)),
  });
  return { layout, style, pages: paginate(layout.slices, style.content.y, pageHeight) };
}

const textOf = (slice: Slice) =>
  slice.items
    .flatMap((i) => (i.kind === 'text' ? [i.text] : []))
    .join('')
    .trim();
const pageTexts = (page: Page) => page.slices.map((p) => textOf(p.slice));
const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i + 1}`).join('\\\n');

describe('handout layout: pagination rules (fake metrics)', () => {
  it('keep-with-next: a heading that fits but whose paragraph does not moves to the next page', async () => {
    // A 15 + 7.5 + B 15 + heading (15 before, 17.5 high) = 70 fits in 75; its paragraph would not.
    const { pages } = await typeset('Para A\n\nPara B\n\n## Heading\n\nPara C', 75);
    expect(pages.map(pageTexts)).toEqual([
      ['Para A', 'Para B'],
      ['Heading', 'Para C'],
    ]);
  });

  it('widow/orphan control: a 5-line paragraph breaks 3 + 2, never leaving a single line', async () => {
    const { pages } = await typeset(lines(5, 'line'), 60); // room for 4 lines
    expect(pages.map(pageTexts)).toEqual([
      ['line1', 'line2', 'line3'],
      ['line4', 'line5'],
    ]);
  });

  it('widow/orphan control: a 3-line paragraph never breaks (it moves whole)', async () => {
    const { pages } = await typeset(`Intro\n\n${lines(3, 'l')}`, 45); // Intro + 1 line would fit
    expect(pages.map(pageTexts)).toEqual([['Intro'], ['l1', 'l2', 'l3']]);
  });

  it('a table crossing a page repeats its header row (as an artifact) and never splits a row', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `| r${i + 1} | ${i} |`).join('\n');
    const { pages } = await typeset(`| Name | Value |\n|---|---|\n${rows}`, 120);
    expect(pages.length).toBeGreaterThan(1);
    const [first, ...rest] = pages;
    expect(textOf(first!.slices[0]!.slice)).toBe('NameValue');
    expect(first!.slices[0]!.artifact).toBeUndefined();
    for (const page of rest) {
      expect(page.slices[0]!.artifact).toBe(true);
      expect(textOf(page.slices[0]!.slice)).toBe('NameValue');
      const items = page.slices[0]!.slice.items;
      expect(items.every((i) => i.kind !== 'text' || i.node === null)).toBe(true);
    }
    const body = pages.flatMap((p) => p.slices.filter((s) => !s.artifact).map((s) => textOf(s.slice))).slice(1);
    expect(body).toEqual(Array.from({ length: 10 }, (_, i) => `r${i + 1}${i}`));
    // The header's cells are TH with a column scope, the body's TD.
    const cells = (s: Slice) => s.items.flatMap((i) => (i.kind === 'node' ? [i.node] : []));
    expect(cells(first!.slices[0]!.slice).map((n) => [n.type, n.scope])).toEqual([
      ['TH', 'Column'],
      ['TH', 'Column'],
    ]);
    expect(cells(first!.slices[1]!.slice).map((n) => n.type)).toEqual(['TD', 'TD']);
  });

  it('a table row taller than a page continues on the next page, under the repeated header', async () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`);
    const { pages, style } = await typeset(`| Name | Notes |\n|---|---|\n| a | ${words.join(' ')} |`, 100);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages)
      for (const p of page.slices) expect(p.top + p.slice.height).toBeLessThanOrEqual(style.content.y + 100 + 0.01);
    const printed = pages.flatMap((p) =>
      p.slices
        .filter((s) => !s.artifact)
        .flatMap((s) => s.slice.items.flatMap((i) => (i.kind === 'text' ? i.text.trim().split(' ') : []))),
    );
    expect(printed.filter((w) => w.startsWith('w'))).toEqual(words);
    expect(pages.slice(1).every((p) => p.slices[0]!.artifact)).toBe(true);
  });

  it('an image too tall for the rest of the page moves to the next one, with its caption and lead-in', async () => {
    const paras = Array.from({ length: 10 }, (_, i) => `Para ${i + 1}`).join('\n\n'); // 217.5 pt
    const { pages } = await typeset(`${paras}\n\n![Alt text](fig.png)\n\n*The caption.*`, 300, {
      'fig.png': { width: 400, height: 200 },
    });
    expect(pages).toHaveLength(2);
    // The paragraph that leads into the figure goes with it.
    expect(pageTexts(pages[0]!)).toHaveLength(9);
    expect(textOf(pages[1]!.slices[0]!.slice)).toBe('Para 10');
    const figure = pages[1]!.slices[1];
    const image = figure!.slice.items.find((i): i is Extract<Item, { kind: 'image' }> => i.kind === 'image')!;
    expect(image).toMatchObject({ width: 300, height: 150, url: 'fig.png' });
    expect(image.node).toMatchObject({ type: 'Figure', alt: 'Alt text' });
    expect(textOf(figure!.slice)).toBe('The caption.');
  });

  it('an image taller than a page is scaled down to fit the page, caption included', async () => {
    const { pages, style } = await typeset('![Tall](tall.png)\n\n*Caption*', 300, {
      'tall.png': { width: 100, height: 4000 },
    });
    const slice = pages[0]!.slices[0]!.slice;
    const image = slice.items.find((i): i is Extract<Item, { kind: 'image' }> => i.kind === 'image')!;
    expect(slice.height).toBeLessThanOrEqual(style.content.height);
    expect(image.height).toBeLessThan(style.content.height);
    expect(image.width / image.height).toBeCloseTo(100 / 4000);
    expect(textOf(slice)).toBe('Caption');
  });

  it('an explicit <!-- pagebreak --> starts a new page', async () => {
    const { pages } = await typeset('Before\n\n<!-- pagebreak -->\n\nAfter', 500);
    expect(pages.map(pageTexts)).toEqual([['Before'], ['After']]);
  });

  it('a list item never splits from its marker; the last item never stands alone', async () => {
    const { pages, layout } = await typeset('- one\n- two\n- three\n- four', 50);
    for (const s of layout.slices)
      expect(s.items[0]).toMatchObject({ kind: 'text', text: '• ', node: { type: 'Lbl' } });
    expect(pages.map(pageTexts)).toEqual([
      ['• one', '• two'],
      ['• three', '• four'],
    ]);
  });

  it('nests lists three deep with their own bullets and indents', async () => {
    const { layout } = await typeset('- a\n  - b\n    - c\n\n1. x\n2. y', 500);
    const markers = layout.slices.map((s) => s.items[0] as Extract<Item, { kind: 'text' }>);
    expect(markers.map((m) => m.text)).toEqual(['• ', '◦ ', '▪ ', '1. ', '2. ']);
    expect(markers[0]!.x).toBeLessThan(markers[1]!.x);
    expect(markers[1]!.x).toBeLessThan(markers[2]!.x);
  });

  it('body text uses the audience font size; headings are bigger', async () => {
    const style = handoutStyle(13, 'A4');
    expect(style.body.size).toBe(13);
    expect(style.body.lineHeight).toBeGreaterThanOrEqual(1.4);
    expect(style.headings[2].size).toBeGreaterThan(13);
    expect(style.page).toMatchObject({ width: 595.28, height: 841.89 });
  });

  it('the title block comes from front matter and keeps together', async () => {
    const meta = {
      ...NO_META,
      title: 'Title',
      subtitle: 'Sub',
      audience: 'Patients',
      date: '2026-01-01',
      authors: ['A', 'B'],
    };
    const { layout } = await typeset('Body', 500, {}, meta);
    expect(layout.slices.slice(0, 3).map(textOf)).toEqual(['Title', 'Sub', 'Patients · A, B · 2026-01-01']);
    expect(layout.slices[0]!.items[0]).toMatchObject({ node: { type: 'H1' } });
    expect(layout.slices.slice(0, 3).every((s) => s.keepWithNext)).toBe(true);
  });
});

describe('handout layout: lines and glyphs', () => {
  const m = fakeMetrics('🚀', { bold: 'α' });
  const run = (text: string, font: Run['font'] = 'regular'): Run => ({ text, font, size: 10, color: '#000' });

  it('breaks ragged right at spaces and keeps the breaking space in the text for extraction', () => {
    const out = breakLines([run('aaaa bbbb cccc')], 50, m); // 10 characters a line
    expect(out.map((l) => l.fragments.map((f) => f.text).join(''))).toEqual(['aaaa bbbb ', 'cccc']);
    expect(out[0]!.width).toBe(45);
  });

  it('cuts a word longer than the line between characters', () => {
    const out = breakLines([run('https://example.org/long')], 50, m);
    expect(out.map((l) => l.fragments[0]!.text)).toEqual(['https://ex', 'ample.org/', 'long']);
  });

  it('keeps a word that changes style mid-way together', () => {
    const out = breakLines([run('xxxxxxx bo'), run('ld', 'bold')], 50, m);
    expect(out.map((l) => l.fragments.map((f) => f.text).join(''))).toEqual(['xxxxxxx ', 'bold']);
  });

  it('sets a character in a fallback font when the style font lacks it, and reports one no font has', () => {
    const missing = new Map<string, number>();
    const runs = withFallbacks([run('α🚀🚀', 'bold')], m, missing);
    expect(runs.map((r) => [r.text, r.font])).toEqual([
      ['α', 'regular'],
      ['🚀🚀', 'bold'],
    ]);
    expect([...missing]).toEqual([['🚀', 2]]);
  });

  it('puts "Page X of Y" and the footer text in every page furniture, all as artifacts', () => {
    const style = handoutStyle(13, 'LETTER');
    const missing = new Map<string, number>();
    const f = furniture(
      2,
      3,
      'A running header that is far too long to fit on one line of the header, so it is cut short. '.repeat(2),
      'Footer text 🚀',
      style,
      m,
      missing,
    );
    const texts = f.items.flatMap((i) => (i.kind === 'text' ? [i] : []));
    expect(texts.map((t) => t.text)).toContain('Page 2 of 3');
    expect(texts.map((t) => t.text).join('')).toContain('Footer text 🚀');
    expect([...missing.keys()]).toEqual(['🚀']);
    expect(texts[0]!.text.endsWith('…')).toBe(true);
    expect(texts.every((t) => t.node === null)).toBe(true);
  });
});
