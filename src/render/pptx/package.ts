import type { ImageAsset } from '../../content/types.js';
import type { Deck } from '../deck/model.js';
import { layoutKey, layoutXml, makeLayout, type Layout, type LayoutSpec } from './layouts.js';
import type { Formula } from '../../math/types.js';
import { emu, type Look } from './look.js';
import { formulaPicture, mediaStore, type Blip } from './media.js';
import { masterXml } from './master.js';
import type { Rasterize } from './raster.js';
import { NOTES_SIZE, notesMasterXml, notesSlideXml, notesParagraphs } from './notes.js';
import { layoutFor, slideXml, type SlideEnv } from './slide.js';
import { themeXml } from './theme.js';
import { esc, PML_NS, REL, relsPath, relsXml, XML_HEAD, type Relationship } from './xml.js';
import { zip, type ZipEntry } from './zip.js';

// The whole OPC package: every part, its relationships and content type. Parts are made here and nowhere
// else, so each content-type override names a part that exists and each relationship a target that exists.

export interface PackageInput {
  deck: Deck;
  look: Look;
  images: ReadonlyMap<string, ImageAsset>;
  /** The deck's display formulas, typeset (by TeX); a formula not here is shown as its TeX. */
  formulas: ReadonlyMap<string, Formula>;
  /** Draws SVG pictures as PNG (null: the deck has no SVG picture and no formula). */
  rasterize: Rasterize | null;
  meta: { title: string; authors: readonly string[]; subject?: string; generator: string };
  date: Date;
}

export interface PackageOutput {
  bytes: Uint8Array;
  warnings: string[];
  formulas: number;
}

const CT = {
  presentation: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  slideMaster: 'application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml',
  slideLayout: 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml',
  slide: 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml',
  notesMaster: 'application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml',
  notesSlide: 'application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  presProps: 'application/vnd.openxmlformats-officedocument.presentationml.presProps+xml',
  viewProps: 'application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml',
  tableStyles: 'application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;

/** Every deck offers these layouts (in PowerPoint's New Slide menu), then the picture layouts it uses. */
const STANDARD: LayoutSpec[] = [
  { kind: 'title' },
  { kind: 'content' },
  { kind: 'section' },
  { kind: 'message' },
  { kind: 'titleOnly' },
  { kind: 'blank' },
];

export function buildPackage(input: PackageInput): PackageOutput {
  const { deck, look } = input;
  const parts = new Map<string, string | Uint8Array>();
  const types = new Map<string, string>();
  const warnings = new Set<string>();
  let formulas = 0;
  const put = (name: string, xml: string, type?: string) => {
    parts.set(name, xml.startsWith('<?xml') ? xml : XML_HEAD + xml);
    if (type) types.set(`/${name}`, type);
  };
  const rels = (part: string, list: Relationship[]) => parts.set(relsPath(part), relsXml(list));

  // Layouts: the standard set, then one per picture split the slides use.
  const specs = deck.slides.map(layoutFor);
  const layouts: Layout[] = [];
  for (const spec of [...STANDARD, ...specs]) {
    if (!layouts.some((l) => l.key === layoutKey(spec))) layouts.push(makeLayout(spec, look));
  }
  layouts.forEach((l, i) => {
    const name = `ppt/slideLayouts/slideLayout${i + 1}.xml`;
    put(name, layoutXml(l, look, PML_NS), CT.slideLayout);
    rels(name, [{ id: 'rId1', type: REL.slideMaster, target: '../slideMasters/slideMaster1.xml' }]);
  });
  const master = 'ppt/slideMasters/slideMaster1.xml';
  put(
    master,
    masterXml(
      look,
      layouts.map((_, i) => `rId${i + 1}`),
      PML_NS,
    ),
    CT.slideMaster,
  );
  rels(master, [
    ...layouts.map((_, i) => ({
      id: `rId${i + 1}`,
      type: REL.slideLayout,
      target: `../slideLayouts/slideLayout${i + 1}.xml`,
    })),
    { id: `rId${layouts.length + 1}`, type: REL.theme, target: '../theme/theme1.xml' },
  ]);
  put('ppt/theme/theme1.xml', themeXml(look.palette, look.font, look.palette.name), CT.theme);
  // Notes pages print black on white whatever the deck's colours.
  const paper = { ...look.palette, dark: false, background: '#ffffff', text: '#000000', heading: '#000000' };
  put('ppt/theme/theme2.xml', themeXml(paper, look.font, 'Notes'), CT.theme);
  const notesMaster = 'ppt/notesMasters/notesMaster1.xml';
  put(notesMaster, notesMasterXml(look, PML_NS), CT.notesMaster);
  rels(notesMaster, [{ id: 'rId1', type: REL.theme, target: '../theme/theme2.xml' }]);

  // Media, stored once per distinct picture; formulas in the colour of the slide they are on.
  const media = mediaStore(parts, input.rasterize, (m) => warnings.add(m));
  const pictures = new Map<string, { blip: Blip; w: number; h: number } | null>();
  const env: SlideEnv = {
    look,
    image: (url) => input.images.get(url) ?? input.images.get(encodeURI(url)),
    picture: (image) => media.image(image),
    formula(tex, colour) {
      const k = `${colour} ${tex}`;
      if (!pictures.has(k)) {
        const f = input.formulas.get(tex);
        const pic = f ? formulaPicture(f, look.palette.sizes.body, colour) : null;
        const blip = pic ? media.formula(pic.svg, pic.w) : null;
        pictures.set(k, pic && blip ? { blip, w: pic.w, h: pic.h } : null);
      }
      return pictures.get(k)!;
    },
    warn: (m) => warnings.add(m),
    onMath: () => formulas++,
  };

  let notesCount = 0;
  deck.slides.forEach((slide, i) => {
    const n = i + 1;
    const name = `ppt/slides/slide${n}.xml`;
    const hasNotes = notesParagraphs(slide.notes).length > 0;
    const layout = layouts.find((l) => l.key === layoutKey(specs[i]!))!;
    const part = slideXml(
      slide,
      layout,
      `../slideLayouts/slideLayout${layouts.indexOf(layout) + 1}.xml`,
      hasNotes ? `../notesSlides/notesSlide${n}.xml` : null,
      env,
      PML_NS,
    );
    put(name, part.xml, CT.slide);
    rels(name, part.rels);
    if (hasNotes) {
      notesCount++;
      const notes = `ppt/notesSlides/notesSlide${n}.xml`;
      put(notes, notesSlideXml(slide.notes, look, PML_NS), CT.notesSlide);
      rels(notes, [
        { id: 'rId1', type: REL.notesMaster, target: '../notesMasters/notesMaster1.xml' },
        { id: 'rId2', type: REL.slide, target: `../slides/slide${n}.xml` },
      ]);
    }
  });

  const count = deck.slides.length;
  const presentation = 'ppt/presentation.xml';
  const wide = look.width / look.height > 1.5;
  put(
    presentation,
    `<p:presentation ${PML_NS} saveSubsetFonts="1">` +
      `<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>` +
      `<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>` +
      `<p:sldIdLst>` +
      deck.slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 3}"/>`).join('') +
      `</p:sldIdLst>` +
      `<p:sldSz cx="${emu(look.width)}" cy="${emu(look.height)}"${wide ? '' : ' type="screen4x3"'}/>` +
      `<p:notesSz cx="${NOTES_SIZE.cx}" cy="${NOTES_SIZE.cy}"/>` +
      `<p:defaultTextStyle><a:defPPr><a:defRPr lang="${esc(look.lang)}"/></a:defPPr></p:defaultTextStyle>` +
      `</p:presentation>`,
    CT.presentation,
  );
  rels(presentation, [
    { id: 'rId1', type: REL.slideMaster, target: 'slideMasters/slideMaster1.xml' },
    { id: 'rId2', type: REL.notesMaster, target: 'notesMasters/notesMaster1.xml' },
    ...deck.slides.map((_, i) => ({ id: `rId${i + 3}`, type: REL.slide, target: `slides/slide${i + 1}.xml` })),
    { id: `rId${count + 3}`, type: REL.presProps, target: 'presProps.xml' },
    { id: `rId${count + 4}`, type: REL.viewProps, target: 'viewProps.xml' },
    { id: `rId${count + 5}`, type: REL.theme, target: 'theme/theme1.xml' },
    { id: `rId${count + 6}`, type: REL.tableStyles, target: 'tableStyles.xml' },
  ]);
  put('ppt/presProps.xml', `<p:presentationPr ${PML_NS}/>`, CT.presProps);
  put(
    'ppt/viewProps.xml',
    `<p:viewPr ${PML_NS}><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/>` +
      `</p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>`,
    CT.viewProps,
  );
  put(
    'ppt/tableStyles.xml',
    '<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
      'def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>',
    CT.tableStyles,
  );
  put('docProps/core.xml', coreXml(input), CT.core);
  put('docProps/app.xml', appXml(input, count, notesCount, wide), CT.app);
  parts.set(
    '_rels/.rels',
    relsXml([
      { id: 'rId1', type: REL.officeDocument, target: 'ppt/presentation.xml' },
      { id: 'rId2', type: REL.core, target: 'docProps/core.xml' },
      { id: 'rId3', type: REL.app, target: 'docProps/app.xml' },
    ]),
  );

  const extensions = new Set([...parts.keys()].map((n) => n.split('.').pop()!));
  const defaults = [
    ['rels', 'application/vnd.openxmlformats-package.relationships+xml'],
    ['xml', 'application/xml'],
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['svg', 'image/svg+xml'],
  ].filter(([ext]) => extensions.has(ext!));
  const contentTypes =
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    defaults.map(([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`).join('') +
    [...types.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([part, t]) => `<Override PartName="${part}" ContentType="${t}"/>`)
      .join('') +
    '</Types>';

  // [Content_Types].xml first (what readers look for), the rest by name.
  const encoder = new TextEncoder();
  const names = [...parts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', data: encoder.encode(contentTypes) },
    ...names.map((name) => {
      const v = parts.get(name)!;
      return { name, data: typeof v === 'string' ? encoder.encode(v) : v };
    }),
  ];
  return { bytes: zip(entries, input.date), warnings: [...warnings], formulas };
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function coreXml({ meta, date, look }: PackageInput): string {
  const when = isoSeconds(date);
  return (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(meta.title)}</dc:title>` +
    (meta.subject ? `<dc:subject>${esc(meta.subject)}</dc:subject>` : '') +
    (meta.authors.length ? `<dc:creator>${esc(meta.authors.join('; '))}</dc:creator>` : '') +
    `<dc:language>${esc(look.lang)}</dc:language><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

function appXml({ meta }: PackageInput, slides: number, notes: number, wide: boolean): string {
  return (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${esc(meta.generator)}</Application>` +
    `<PresentationFormat>${wide ? 'Widescreen' : 'On-screen Show (4:3)'}</PresentationFormat>` +
    `<Slides>${slides}</Slides><Notes>${notes}</Notes><HiddenSlides>0</HiddenSlides></Properties>`
  );
}
