import { unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';

// A structural checker for .pptx files: each defect known to make PowerPoint offer a repair (the
// generator bugs of pptxgenjs #1444, #1532, #1441, #1443, #1427 and the notes-master reports of python-pptx
// #1051 and others), plus what deckhand promises on top (reproducible zip, language on every run, alt text).
// Returns the problems found; an empty list means the file passed.

export interface CheckOptions {
  /** Every run's `lang` must be this. */
  lang?: string;
  /** The zip entries' date and docProps/core.xml's dates must be this. */
  date?: Date;
}

const decoder = new TextDecoder();

export function checkPptx(bytes: Uint8Array, options: CheckOptions = {}): string[] {
  const problems: string[] = [];
  const entries = zipEntries(bytes, problems);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    return [...problems, `not a readable zip: ${(e as Error).message}`];
  }
  const names = Object.keys(files);
  const text = (n: string) => decoder.decode(files[n]!);

  // The package: reproducible entries.
  if (entries[0]?.name !== '[Content_Types].xml') problems.push('[Content_Types].xml is not the first entry');
  const rest = entries.slice(1).map((e) => e.name);
  if (rest.join('\n') !== [...rest].sort().join('\n')) problems.push('zip entries are not sorted by name');
  for (const e of entries) {
    if (e.name.endsWith('/')) problems.push(`directory entry ${e.name}`);
    if (e.method !== 8) problems.push(`${e.name} is not DEFLATE (method ${e.method})`);
    if (options.date && e.dos !== dos(options.date)) problems.push(`${e.name} has another date than the build date`);
  }
  if (new Set(entries.map((e) => e.name)).size !== entries.length) problems.push('duplicate zip entry names');

  // Every XML part well-formed: an unescaped `&` or `<` anywhere (metadata included, #1427) fails here.
  for (const n of names.filter((n) => /\.(xml|rels)$/.test(n))) {
    const r = XMLValidator.validate(text(n));
    if (r !== true) problems.push(`${n} is not well-formed XML: ${r.err.msg} (line ${r.err.line})`);
  }

  // Content types: each override names a part that exists (#1444), each part has a type.
  const types = names.includes('[Content_Types].xml') ? text('[Content_Types].xml') : '';
  if (!types) problems.push('no [Content_Types].xml');
  const overrides = [...types.matchAll(/<Override PartName="([^"]+)"/g)].map((m) => m[1]!.slice(1));
  const defaults = [...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
  for (const o of overrides) if (!files[o]) problems.push(`content type override for missing part /${o}`);
  for (const n of names) {
    if (n === '[Content_Types].xml') continue;
    if (!overrides.includes(n) && !defaults.includes(n.split('.').pop()!.toLowerCase()))
      problems.push(`part ${n} has no content type`);
  }

  // Media: each part is what its name says (an SVG stored as .png shows nowhere).
  const magic: Record<string, (b: Uint8Array) => boolean> = {
    png: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
    jpeg: (b) => b[0] === 0xff && b[1] === 0xd8,
    svg: (b) => /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(decoder.decode(b.subarray(0, 4096))),
  };
  for (const n of names.filter((n) => n.startsWith('ppt/media/'))) {
    const ext = n.split('.').pop()!.toLowerCase().replace('jpg', 'jpeg');
    if (!magic[ext]) problems.push(`${n}: a media type PowerPoint may not read`);
    else if (!magic[ext](files[n]!)) problems.push(`${n}: its bytes are not ${ext}`);
  }

  // Relationships: unique ids, every internal target exists, every r:id a part uses is declared.
  const relsOf = new Map<string, Map<string, { type: string; target: string; external: boolean }>>();
  for (const n of names.filter((n) => n.endsWith('.rels'))) {
    const source = n.replace(/_rels\/([^/]+)\.rels$/, '$1');
    const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
    const map = new Map<string, { type: string; target: string; external: boolean }>();
    for (const m of text(n).matchAll(/<Relationship ([^>]*?)\/>/g)) {
      const a = attrs(m[1]!);
      if (map.has(a.Id!)) problems.push(`${n}: duplicate relationship id ${a.Id}`);
      const external = a.TargetMode === 'External';
      const target = external ? a.Target! : resolve(n === '_rels/.rels' ? '' : dir, a.Target!);
      map.set(a.Id!, { type: a.Type!, target, external });
      if (!external && !files[target]) problems.push(`${n}: relationship ${a.Id} targets missing part ${target}`);
    }
    relsOf.set(source, map);
  }
  for (const n of names.filter((n) => n.endsWith('.xml'))) {
    const used = [...text(n).matchAll(/\br:(?:id|embed|link)="([^"]*)"/g)].map((m) => m[1]!);
    for (const id of used) if (!relsOf.get(n)?.has(id)) problems.push(`${n}: r:id ${id} is not in its relationships`);
  }

  // Shapes: unique ids per part (#1532); every shape has a text body (#1441) — except the slide picture
  // placeholder of a notes slide, which PowerPoint itself writes without one.
  for (const n of names.filter((n) =>
    /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/.test(n),
  )) {
    const xml = text(n);
    const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]!);
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (dup.length) problems.push(`${n}: duplicate shape ids ${[...new Set(dup)].join(', ')}`);
    for (const sp of xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []) {
      const notesPicture = n.startsWith('ppt/notesSlides/') && /<p:ph type="sldImg"/.test(sp);
      if (!sp.includes('<p:txBody>') && !notesPicture) problems.push(`${n}: a shape without txBody`);
    }
    for (const pic of xml.match(/<p:pic>[\s\S]*?<\/p:pic>/g) ?? []) {
      // The blip must be a raster picture; an SVG is named by the svgBlip extension beside it.
      const blip = /<a:blip r:embed="([^"]+)"/.exec(pic)?.[1];
      const svgBlip = /<asvg:svgBlip [^>]*r:embed="([^"]+)"/.exec(pic)?.[1];
      const targetOf = (id: string | undefined) => (id ? relsOf.get(n)?.get(id)?.target : undefined);
      if (/\.svg$/i.test(targetOf(blip) ?? '')) problems.push(`${n}: an SVG as the blip (needs a PNG and svgBlip)`);
      if (svgBlip && !/\.svg$/i.test(targetOf(svgBlip) ?? '')) problems.push(`${n}: svgBlip names no SVG part`);
      const descr = /<p:cNvPr [^>]*descr="([^"]*)"/.exec(pic)?.[1];
      const decorative = pic.includes('decorative');
      if (!descr && !decorative) problems.push(`${n}: a picture without alt text`);
      if (descr && /(^|\/)[\w-]+\.(png|jpe?g|svg|gif)$/i.test(descr)) problems.push(`${n}: alt text is a file name`);
    }
    if (options.lang) {
      for (const m of xml.matchAll(/<a:(rPr|endParaRPr|defRPr)\b([^>]*?)\/?>/g)) {
        const lang = /\blang="([^"]*)"/.exec(m[2]!)?.[1];
        // defRPr without lang inherits (level styles); runs and paragraph ends must say it.
        if (m[1] !== 'defRPr' && lang !== options.lang) problems.push(`${n}: a run in lang ${lang ?? '(none)'}`);
        if (m[1] === 'defRPr' && lang && lang !== options.lang) problems.push(`${n}: a style in lang ${lang}`);
      }
    }
  }

  // The presentation: its slides, masters and notes master, and notes slides with a proper notes master.
  const pres = names.includes('ppt/presentation.xml') ? text('ppt/presentation.xml') : '';
  if (!pres) problems.push('no ppt/presentation.xml');
  const presRels = relsOf.get('ppt/presentation.xml') ?? new Map();
  const slideIds = [...pres.matchAll(/<p:sldId id="(\d+)" r:id="([^"]+)"\/>/g)];
  const slideParts = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  if (slideIds.length !== slideParts.length)
    problems.push(`${slideIds.length} slides listed, ${slideParts.length} slide parts`);
  if (new Set(slideIds.map((m) => m[1])).size !== slideIds.length) problems.push('duplicate slide ids');
  for (const m of slideIds) if (Number(m[1]) < 256) problems.push(`slide id ${m[1]} below 256`);
  const masters = names.filter((n) => /^ppt\/slideMasters\/slideMaster\d+\.xml$/.test(n));
  for (const master of masters) {
    if (![...presRels.values()].some((r) => r.target === master)) problems.push(`${master} is not in the presentation`);
    const layoutIds = [...text(master).matchAll(/<p:sldLayoutId id="(\d+)"/g)].map((m) => Number(m[1]));
    if (layoutIds.some((id) => id < 2147483648) || new Set(layoutIds).size !== layoutIds.length)
      problems.push(`${master}: layout ids must be unique and ≥ 2147483648`);
  }
  const notesSlides = names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
  if (notesSlides.length) {
    const nm = 'ppt/notesMasters/notesMaster1.xml';
    if (!/<p:notesMasterIdLst><p:notesMasterId r:id="[^"]+"\/><\/p:notesMasterIdLst>/.test(pres))
      problems.push('notes slides, but no notes master in the presentation');
    if (!files[nm]) problems.push('notes slides without ppt/notesMasters/notesMaster1.xml');
    else {
      for (const ph of ['hdr', 'dt', 'sldImg', 'body', 'ftr', 'sldNum'])
        if (!new RegExp(`<p:ph type="${ph}"`).test(text(nm)))
          problems.push(`notes master lacks its ${ph} placeholder (#1443)`);
      if (![...(relsOf.get(nm)?.values() ?? [])].some((r) => r.type.endsWith('/theme')))
        problems.push('notes master without a theme');
    }
    for (const n of notesSlides) {
      const r = [...(relsOf.get(n)?.values() ?? [])];
      if (!r.some((x) => x.type.endsWith('/notesMaster') && x.target === nm))
        problems.push(`${n} is not tied to the notes master`);
      if (!r.some((x) => x.type.endsWith('/slide'))) problems.push(`${n} is not tied to a slide`);
    }
  }

  if (options.date && files['docProps/core.xml']) {
    const iso = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const dates = [...text('docProps/core.xml').matchAll(/<dcterms:(created|modified)[^>]*>([^<]*)</g)].map(
      (m) => m[2],
    );
    if (dates.length !== 2 || dates.some((d) => d !== iso))
      problems.push(`docProps/core.xml dates ${dates.join(', ')} ≠ ${iso}`);
  }
  return problems;
}

function attrs(s: string): Record<string, string> {
  return Object.fromEntries([...s.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

function resolve(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

function dos(date: Date): number {
  const d = date;
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const day = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return (day << 16) | time;
}

/** The central directory, read by hand: names, compression methods and dates as the zip states them. */
function zipEntries(bytes: Uint8Array, problems: string[]): { name: string; method: number; dos: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) {
    problems.push('no zip end-of-central-directory record');
    return [];
  }
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: { name: string; method: number; dos: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) {
      problems.push('broken zip central directory');
      break;
    }
    const method = view.getUint16(at + 10, true);
    const dosValue = (view.getUint16(at + 14, true) << 16) | view.getUint16(at + 12, true);
    const nameLen = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    out.push({ name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen)), method, dos: dosValue });
    at += 46 + nameLen + extra + comment;
  }
  return out;
}
