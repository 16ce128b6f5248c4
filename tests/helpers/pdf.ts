import { spawnSync } from 'node:child_process';

/** `qpdf --check` exit status: 0 for a structurally valid PDF (3 = warnings only, 2 = errors). */
export function qpdfCheck(pdf: string): number | null {
  return spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8' }).status;
}

/** The text of a PDF as poppler extracts it. */
export function pdfText(pdf: string): string {
  return spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
}

export interface StructElement {
  type: string;
  alt: string | null;
  placement: string | null;
  /** /Lang: the element's language when not the document's. */
  lang: string | null;
}

/** The structure elements of a tagged PDF (type, /Alt, /Placement, /Lang), read with `qpdf --json`. */
export function structElements(pdf: string): StructElement[] {
  const json = JSON.parse(
    spawnSync('qpdf', ['--json', '--json-key=qpdf', pdf], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout,
  ) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
  const text = (v: unknown) => (typeof v === 'string' ? v.replace(/^u:|^\//, '') : null);
  return Object.values(json.qpdf[1]).flatMap(({ value }) => {
    if (!value || typeof value['/S'] !== 'string' || !('/P' in value)) return [];
    const attrs = (value['/A'] ?? {}) as Record<string, unknown>;
    return [
      {
        type: value['/S'].slice(1),
        alt: text(value['/Alt']),
        placement: text(attrs['/Placement']),
        lang: text(value['/Lang']),
      },
    ];
  });
}

export interface ShownText {
  /** The text one TJ/Tj shows, through its font's ToUnicode map. */
  text: string;
  /** The marked-content tags around it, outermost first (`Artifact`, `P`, `Span`…). */
  tags: string[];
  /** Each tag's property list as qpdf writes it (`/MCID 3`, `/Lang (en)`…), same order. */
  props: string[];
}

/**
 * Every text show operation of a PDF from pdfkit (Identity-H fonts), decoded, with the marked content
 * it sits in: what a tagged-PDF reader sees as content, artifact or language span. Read from
 * `qpdf --qdf` (streams uncompressed, one operator a line).
 */
export function shownTexts(pdf: string): ShownText[] {
  const q = spawnSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], {
    maxBuffer: 256 * 1024 * 1024,
  }).stdout.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of q.matchAll(/^(\d+) 0 obj\n([\s\S]*?)^endobj/gm)) objects.set(m[1]!, m[2]!);
  const hex = (h: string) => String.fromCodePoint(...(h.match(/[0-9a-f]{4}/gi) ?? []).map((x) => parseInt(x, 16)));
  // Font resource name → code → text.
  const fonts = new Map<string, Map<number, string>>();
  for (const m of q.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(m[2]!) ?? '')?.[1];
    const cmap = objects.get(toUnicode ?? '') ?? '';
    const map = new Map<number, string>();
    for (const r of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      const first = parseInt(r[1]!, 16);
      [...r[3]!.matchAll(/<([0-9a-f ]+)>/gi)].forEach((u, i) => map.set(first + i, hex(u[1]!.replace(/ /g, ''))));
    }
    for (const r of cmap.matchAll(/^<([0-9a-f]+)> <([0-9a-f]+)>$/gim)) map.set(parseInt(r[1]!, 16), hex(r[2]!));
    fonts.set(m[1]!, map);
  }
  const out: ShownText[] = [];
  const stack: { tag: string; props: string }[] = [];
  let font = new Map<number, string>();
  let open: { tag: string; props: string } | null = null;
  for (const m of q.matchAll(/^stream\n([\s\S]*?)^endstream/gm)) {
    if (!/\bBT\b|\bBDC\b|\bBMC\b/.test(m[1]!)) continue;
    for (const line of m[1]!.split('\n')) {
      const start = /^\/(\w+) <<(.*)$/.exec(line);
      if (start) open = { tag: start[1]!, props: start[2]! };
      else if (open && !/BDC$/.test(line)) open.props += ` ${line.trim()}`;
      if (/BDC$/.test(line) && open) {
        open.props = open.props.replace(/>> BDC$/, '').trim();
        stack.push(open);
        open = null;
      } else if (/^\/(\w+) BMC$/.test(line)) stack.push({ tag: /^\/(\w+)/.exec(line)![1]!, props: '' });
      else if (line === 'EMC') stack.pop();
      const tf = /^\/(F\d+) [\d.]+ Tf$/.exec(line);
      if (tf) font = fonts.get(tf[1]!) ?? new Map();
      if (/\] TJ$/.test(line)) {
        const codes = [...line.matchAll(/<([0-9a-f]+)>/gi)].flatMap((s) => s[1]!.match(/.{4}/g) ?? []);
        out.push({
          text: codes.map((c) => font.get(parseInt(c, 16)) ?? '\uFFFD').join(''),
          tags: stack.map((s) => s.tag),
          props: stack.map((s) => s.props),
        });
      }
    }
  }
  return out;
}
