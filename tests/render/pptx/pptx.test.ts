import { unzipSync, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../src/render/deck/parse.js';
import { officeLang } from '../../../src/render/pptx/look.js';
import { renderPptx } from '../../../src/render/pptx/render.js';
import { zip } from '../../../src/render/pptx/zip.js';
import type { RenderInput } from '../../../src/render/types.js';
import { checkPptx } from '../../helpers/pptx-check.js';
import { renderInputs } from '../../helpers/render-inputs.js';

const decoder = new TextDecoder();
const files = (bytes: Uint8Array) => {
  const f = unzipSync(bytes);
  return (name: string) => (f[name] ? decoder.decode(f[name]) : undefined);
};
const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
const xmlText = (xml: string) =>
  squeeze(
    [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
      .map((m) => m[1]!)
      .join(' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );

async function rendered(name: string) {
  const inputs = await renderInputs(name);
  return Promise.all(inputs.map(async (input) => ({ input, out: await renderPptx(input) })));
}

describe('slides.pptx: structure of every generated deck', () => {
  for (const name of ['sample', 'slides', 'slides-themes', 'slides-hostile', 'leak', 'release', 'pptx', 'math']) {
    it(`${name}: opens without repair, same slides as the deck, notes in the notes pane only`, async () => {
      for (const { input, out } of await rendered(name)) {
        const where = `${input.topic.slug}/${input.audience.name}`;
        expect(checkPptx(out.bytes, { lang: officeLang(input.topic.lang), date: input.date }), where).toEqual([]);
        const deck = await parseDeck(input.markdown);
        expect(out.pages, where).toBe(deck.slides.length);
        const read = files(out.bytes);
        const slides = deck.slides.map((_, i) => read(`ppt/slides/slide${i + 1}.xml`)!);
        expect(slides.every(Boolean)).toBe(true);
        expect(read(`ppt/slides/slide${deck.slides.length + 1}.xml`)).toBeUndefined();
        deck.slides.forEach((s, i) => {
          const notes = read(`ppt/notesSlides/notesSlide${i + 1}.xml`);
          const said = s.notes.map((n) => squeeze(n.replace(/\u200B/g, ''))).filter(Boolean);
          if (!said.length) return expect(notes, `${where} slide ${i + 1}`).toBeUndefined();
          for (const note of said) {
            expect(xmlText(notes!), `${where} slide ${i + 1}`).toContain(note);
            // (A short note can be words the slide also shows: the hostile fixture's "_class: invert".)
            if (note.length > 20) for (const slide of slides) expect(xmlText(slide)).not.toContain(note);
          }
        });
        // (A title's inline math is linear text on the slide: compared without TeX's marks and spaces.)
        const bare = (t: string) => t.replace(/[\s_{}^\\$]+/g, '');
        if (s(deck.slides[0]?.title)) expect(bare(xmlText(slides[0]!))).toContain(bare(deck.slides[0]!.title!));
      }
    });
  }
});
const s = (x: string | null | undefined) => x ?? '';

describe('slides.pptx: what a PowerPoint user gets', () => {
  it(
    'a Spanish 4:3 deck: size, language, native table, clickable links, picture with alt text, ' + 'layouts by class',
    async () => {
      const { out } = (await rendered('pptx')).find((r) => r.input.audience.name === 'student')!;
      const read = files(out.bytes);
      const pres = read('ppt/presentation.xml')!;
      expect(pres).toContain('<p:sldSz cx="9144000" cy="6858000" type="screen4x3"/>');
      const all = Object.keys(unzipSync(out.bytes));
      const langs = new Set(
        all
          .filter((n) => n.endsWith('.xml'))
          .flatMap((n) => [...read(n)!.matchAll(/ lang="([^"]+)"/g)].map((m) => m[1])),
      );
      expect([...langs]).toEqual(['es-ES']);
      expect(read('docProps/core.xml')).toContain('<dc:language>es-ES</dc:language>');
      // Metadata with & and < stays well-formed (the checker validates it) and says what the topic says.
      expect(read('docProps/core.xml')).toContain('<dc:title>Farmacocinética &amp; dosis &lt;básica&gt;</dc:title>');

      const table = read('ppt/slides/slide2.xml')!;
      expect(table).toContain('<a:tbl><a:tblPr firstRow="1" bandRow="1"/>');
      expect((table.match(/<a:tr /g) ?? []).length).toBe(4);
      expect((table.match(/<a:gridCol /g) ?? []).length).toBe(3);
      expect(xmlText(table)).toContain('Intravenosa 100 % inmediato');
      const rels2 = read('ppt/slides/_rels/slide2.xml.rels')!;
      expect(rels2).toMatch(/Type="[^"]*\/hyperlink" Target="https:\/\/example.org\/farmaco" TargetMode="External"/);
      expect(table).toMatch(/<a:hlinkClick r:id="rId\d+"\/><\/a:rPr><a:t>guía de farmacología<\/a:t>/);

      const last = read(`ppt/slides/_rels/slide${out.pages}.xml.rels`)!;
      expect(last).toContain('Target="https://example.org/guia?a=1&amp;b=2" TargetMode="External"');

      const picture = read('ppt/slides/slide4.xml')!;
      expect(picture).toContain('descr="Células de un tejido al microscopio"');
      expect(picture).toContain('<p:ph type="pic" idx="13"/>');
      expect(read('ppt/slides/_rels/slide4.xml.rels')).toMatch(/Target="..\/media\/image1.png"/);

      // Layouts: title slide, content, main message, picture beside; real placeholders on the slides.
      const layoutOf = (n: number) => {
        const target = /slideLayout(\d+)\.xml/.exec(read(`ppt/slides/_rels/slide${n}.xml.rels`)!)![1];
        return /<p:cSld name="([^"]+)"/.exec(read(`ppt/slideLayouts/slideLayout${target}.xml`)!)![1];
      };
      expect(layoutOf(1)).toBe('Title Slide');
      expect(read('ppt/slides/slide1.xml')).toContain('<p:ph type="ctrTitle"/>');
      expect(layoutOf(2)).toBe('Title and Content');
      expect(layoutOf(4)).toBe('Content, Picture Right 40%');
      expect(layoutOf(5)).toBe('Main Message');
      expect(read('ppt/slides/slide3.xml')).toContain('<p:ph type="title"/>');
      expect(read('ppt/slides/slide3.xml')).toContain('<p:ph idx="1"/>');
      // Inline math in linear form: italic letters, the subscript lowered, the exponent raised; no warning.
      const math = read('ppt/slides/slide3.xml')!;
      expect(math).toMatch(/<a:rPr lang="es-ES" i="1" dirty="0"\/><a:t>C<\/a:t>/);
      expect(math).toMatch(/<a:rPr lang="es-ES" baseline="-25000" dirty="0"\/><a:t>0<\/a:t>/);
      expect(math).toMatch(/<a:rPr lang="es-ES" i="1" baseline="30000" dirty="0"\/><a:t>kt<\/a:t>/);
      expect(xmlText(math)).not.toContain('C_0');
      expect(out.diagnostics?.map((d) => d.message).join('\n')).not.toMatch(/formula/);
      // The footer as Marp shows it, the slide number as a field, none on the title slide.
      expect(read('ppt/slides/slide2.xml')).toMatch(
        /<p:ph type="ftr"[^>]*\/>[\s\S]*Farmacocinética &amp; dosis &lt;básica&gt;/,
      );
      expect(read('ppt/slides/slide2.xml')).toMatch(/<a:fld [^>]*type="slidenum"><a:rPr[^>]*>.*?<a:t>2<\/a:t>/);
      expect(read('ppt/slides/slide1.xml')).not.toContain('slidenum');
      // Theme colours from the palette: gaia's text and accent.
      expect(read('ppt/theme/theme1.xml')).toContain('<a:dk1><a:srgbClr val="455A64"/></a:dk1>');
      expect(read('ppt/theme/theme1.xml')).toContain('<a:accent1><a:srgbClr val="0288D1"/></a:accent1>');
      // Notes: two paragraphs where the note has a blank line.
      const notes = read('ppt/notesSlides/notesSlide3.xml')!;
      expect((notes.match(/<a:p>/g) ?? []).length).toBe(2);
    },
  );

  it('the same input gives the same bytes; the date is the build date, in every time zone', async () => {
    const [input] = (await renderInputs('pptx')) as [RenderInput];
    const a = await renderPptx(input);
    const b = await renderPptx({ ...input });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const later = await renderPptx({ ...input, date: new Date('2030-06-15T13:45:30Z') });
    expect(checkPptx(later.bytes, { date: new Date('2030-06-15T13:45:30Z') })).toEqual([]);
    expect(files(later.bytes)('docProps/core.xml')).toContain('2030-06-15T13:45:30Z');
  });
});

describe('slides.pptx: formulas and SVG pictures', () => {
  const blips = (xml: string) =>
    [...xml.matchAll(/<p:pic>[\s\S]*?<\/p:pic>/g)].map((m) => ({
      name: /<p:cNvPr id="\d+" name="([^"]+)"/.exec(m[0])![1]!,
      descr: /descr="([^"]*)"/.exec(m[0])?.[1],
      raster: /<a:blip r:embed="([^"]+)"/.exec(m[0])![1]!,
      svg: /<asvg:svgBlip [^>]*r:embed="([^"]+)"/.exec(m[0])?.[1],
    }));
  const target = (rels: string, id: string) =>
    new RegExp(`Id="${id}" Type="[^"]*/image" Target="([^"]+)"`).exec(rels)?.[1];
  const part = (t: string) => `ppt/${t.replace(/^\.\.\//, '')}`;

  it('display formulas and SVG images are SVG pictures with a real PNG stand-in and alt text', async () => {
    const { input, out } = (await rendered('math')).find((r) => r.input.audience.name === 'student')!;
    const all = unzipSync(out.bytes);
    const read = files(out.bytes);
    expect(read('[Content_Types].xml')).toContain('<Default Extension="svg" ContentType="image/svg+xml"/>');
    const deck = await parseDeck(input.markdown);
    const n = deck.slides.findIndex((sl) => sl.title === 'Sums, roots and matrices') + 1;
    const slide = read(`ppt/slides/slide${n}.xml`)!;
    const rels = read(`ppt/slides/_rels/slide${n}.xml.rels`)!;
    const formulas = blips(slide).filter((b) => b.name.startsWith('Formula'));
    expect(formulas.map((f) => f.descr)).toEqual([
      '\\sum_{i=1}^{n} x_i = \\sqrt{\\frac{a^2 + b^2}{2}}',
      expect.stringMatching(/^\\frac\{d\}\{dt\}\\begin\{pmatrix\} A_1/),
    ]);
    // No TeX of a display formula left as text on the slide.
    expect(xmlText(slide)).not.toContain('\\sum');
    for (const f of formulas) {
      const png = all[part(target(rels, f.raster)!)]!;
      const svg = decoder.decode(all[part(target(rels, f.svg!)!)]!);
      expect(svg).toMatch(/^<svg [^>]*width="[\d.]+" height="[\d.]+"/);
      expect(svg).not.toContain('currentColor');
      const image = PNG.sync.read(Buffer.from(png));
      expect(image.width).toBeGreaterThan(300);
      expect(inked(image)).toBeGreaterThan(0.02);
    }
    // The topic's SVG image: its own SVG, a PNG drawn from it, its alt text.
    const c = deck.slides.findIndex((sl) => sl.title === 'The decay curve') + 1;
    const curve = blips(read(`ppt/slides/slide${c}.xml`)!);
    const curveRels = read(`ppt/slides/_rels/slide${c}.xml.rels`)!;
    expect(curve).toHaveLength(1);
    expect(curve[0]!.descr).toBe(
      'A falling concentration curve; at one half-life the level is half the starting value',
    );
    const asset = [...input.images.values()].find((a) => a.type === 'svg')!;
    const svg = all[part(target(curveRels, curve[0]!.svg!)!)]!;
    expect(Buffer.from(svg).equals(Buffer.from(asset.bytes))).toBe(true);
    const png = PNG.sync.read(Buffer.from(all[part(target(curveRels, curve[0]!.raster)!)]!));
    expect(png.width).toBeGreaterThanOrEqual(1280);
    expect(png.height / png.width).toBeCloseTo(asset.height / asset.width, 2);
    expect(inked(png)).toBeGreaterThan(0.01);
    // Inline formulas are linear text (`\alpha` → α), none left as TeX: no warning.
    const greek = read(`ppt/slides/slide${n}.xml`)!;
    expect(xmlText(greek)).toContain('α');
    expect(xmlText(greek)).not.toContain('\\alpha');
    expect(out.diagnostics?.map((d) => d.message).join('\n')).not.toMatch(/inline formula/);
    const again = await renderPptx({ ...input });
    expect(Buffer.from(again.bytes).equals(Buffer.from(out.bytes))).toBe(true);
  });
});

/** The share of a PNG's pixels that are not transparent or white: something was drawn. */
function inked(png: PNG): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
    if (a > 32 && r + g + b < 600) n++;
  }
  return n / (png.width * png.height);
}

describe('the structural checker finds each defect', () => {
  const base = async () => unzipSync((await rendered('pptx'))[0]!.out.bytes);
  const repack = (f: Record<string, Uint8Array>) =>
    zip(
      [
        { name: '[Content_Types].xml', data: f['[Content_Types].xml']! },
        ...Object.keys(f)
          .filter((n) => n !== '[Content_Types].xml')
          .sort()
          .map((name) => ({ name, data: f[name]! })),
      ],
      new Date('2025-12-01T00:00:00Z'),
    );
  const edit = (f: Record<string, Uint8Array>, name: string, change: (xml: string) => string) => {
    f[name] = new TextEncoder().encode(change(decoder.decode(f[name]!)));
  };
  const cases: [string, (f: Record<string, Uint8Array>) => void, RegExp][] = [
    [
      'a content-type override without its part (#1444)',
      (f) =>
        edit(f, '[Content_Types].xml', (x) =>
          x.replace('</Types>', '<Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="x"/></Types>'),
        ),
      /override for missing part/,
    ],
    ['a relationship whose target is missing', (f) => delete f['ppt/media/image1.png'], /targets missing part/],
    [
      'an SVG stored under a .png name (what slides.pptx did before SVG pictures)',
      (f) => (f['ppt/media/image1.png'] = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')),
      /image1\.png: its bytes are not png/,
    ],
    [
      'duplicate shape ids (#1532)',
      (f) => edit(f, 'ppt/slides/slide2.xml', (x) => x.replace('<p:cNvPr id="3"', '<p:cNvPr id="2"')),
      /duplicate shape ids/,
    ],
    [
      'a shape without txBody (#1441)',
      (f) => edit(f, 'ppt/slides/slide2.xml', (x) => x.replace(/<p:txBody>[\s\S]*?<\/p:txBody>/, '')),
      /without txBody/,
    ],
    [
      'unescaped & in metadata (#1427)',
      (f) => edit(f, 'docProps/core.xml', (x) => x.replace('&amp;', '&')),
      /not well-formed/,
    ],
    [
      'a notes slide without a proper notes master (#1443)',
      (f) => edit(f, 'ppt/notesMasters/notesMaster1.xml', (x) => x.replace('<p:ph type="hdr" sz="quarter"/>', '')),
      /lacks its hdr placeholder/,
    ],
    [
      'a run in the generator default language',
      (f) => edit(f, 'ppt/slides/slide2.xml', (x) => x.replace('lang="es-ES"', 'lang="en-US"')),
      /a run in lang en-US/,
    ],
    [
      'a picture whose alt text is its file name',
      (f) => edit(f, 'ppt/slides/slide4.xml', (x) => x.replace(/descr="[^"]*"/, 'descr="img/cells.png"')),
      /file name/,
    ],
  ];
  for (const [name, damage, expected] of cases) {
    it(name, async () => {
      const f = await base();
      damage(f);
      expect(checkPptx(repack(f), { lang: 'es-ES' }).join('\n')).toMatch(expected);
    });
  }
  it('a zip with directory entries, STORE entries and the wrong date', async () => {
    const f = await base();
    const stored = zipSync({ 'ppt/': new Uint8Array(), ...f }, { level: 0 });
    const problems = checkPptx(stored, { date: new Date('2025-12-01T00:00:00Z') }).join('\n');
    expect(problems).toMatch(/directory entry ppt\//);
    expect(problems).toMatch(/is not DEFLATE/);
    expect(problems).toMatch(/another date/);
  });
});
