import { DOMParser, XMLSerializer, type Attr, type Document, type Element, type Node } from '@xmldom/xmldom';

/**
 * SVG images, made safe before either output sees them: parsed by a strict XML parser
 * (@xmldom/xmldom), checked against an allowlist of elements and rules for attributes, and written
 * out again from the parsed tree, so what the deck and the handout get is exactly what was checked
 * (no parser differences). Refused, with the line in the SVG: scripts, event handlers,
 * `<foreignObject>`, animation, HTML, and any reference to something outside the file (an `href`
 * or `url()` other than `#id` or an embedded PNG/JPEG, `@import`, style sheets, entities).
 * Dropped quietly, as they draw nothing: comments, metadata, editor data (Inkscape, Illustrator).
 * Nothing is ever fetched. Pure.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** What SVG images may draw with: shapes, text, paint servers, clipping, masks, markers, filters. */
const ELEMENTS = new Set(
  [
    'svg g defs symbol use title desc switch',
    'path rect circle ellipse line polyline polygon text tspan textPath image',
    'linearGradient radialGradient stop pattern clipPath mask marker style',
    'filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting',
    'feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur',
    'feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence',
  ]
    .join(' ')
    .split(' '),
);
/** Refused by name, with the reason. */
const REFUSED: Record<string, string> = {
  script: 'scripts',
  foreignObject: 'HTML inside an SVG',
  animate: 'animation',
  animateMotion: 'animation',
  animateTransform: 'animation',
  set: 'animation',
  discard: 'animation',
  a: 'links',
  feImage: 'images loaded by filters',
  iframe: 'embedded documents',
  cursor: 'cursors (loaded from outside)',
  font: 'SVG fonts',
  'font-face': 'SVG fonts',
};
/** Silently left out: they draw nothing. */
const DROPPED = new Set(['metadata']);
/** Elements whose `href` may point inside the document. */
const LINKING = new Set(['use', 'textPath', 'linearGradient', 'radialGradient', 'pattern', 'filter']);

export const SVG_LIMITS = { elements: 100_000, depth: 100, drawn: 200_000 };

export type SvgResult = { svg: string; width: number; height: number } | { problem: string };

export function sanitizeSvg(bytes: Uint8Array): SvgResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { problem: 'not UTF-8 text' };
  }
  let problem: string | null = null;
  const fail = (message: string, node?: Node) => {
    const line = (node as { lineNumber?: number } | undefined)?.lineNumber;
    problem ??= line ? `line ${line}: ${message}` : message;
  };
  let doc: Document;
  try {
    doc = new DOMParser({
      locator: true,
      onError: (level: string, message: string) => {
        if (level !== 'warning') fail(`not well-formed XML (${message.replace(/\s+/g, ' ').trim()})`);
      },
    }).parseFromString(text, 'image/svg+xml');
  } catch (e) {
    fail(`not well-formed XML (${(e as Error).message.replace(/\s+/g, ' ').trim()})`);
    return { problem: problem! };
  }
  if (problem) return { problem };
  const root = doc.documentElement;
  if (!root || root.localName !== 'svg' || root.namespaceURI !== SVG_NS)
    return { problem: 'not an SVG (the root element must be <svg xmlns="http://www.w3.org/2000/svg">)' };

  for (const node of [...(doc.childNodes as unknown as Node[])]) {
    if (node === root) continue;
    if (node.nodeType === 10 /* doctype */ && (node as unknown as { internalSubset?: string }).internalSubset)
      fail('a DOCTYPE with declarations (entities can expand or load files)', node);
    if (node.nodeType === 7 && node.nodeName === 'xml-stylesheet')
      fail('an external style sheet (<?xml-stylesheet?>)', node);
    doc.removeChild(node);
  }
  const ids = new Map<string, Element>();
  let count = 0;
  const visit = (el: Element, depth: number) => {
    if (++count > SVG_LIMITS.elements) return fail(`more than ${SVG_LIMITS.elements} elements`);
    if (depth > SVG_LIMITS.depth) return fail(`elements nested more than ${SVG_LIMITS.depth} deep`, el);
    checkAttributes(el, fail);
    const id = el.getAttribute('id');
    if (id) ids.set(id, el);
    for (const child of [...(el.childNodes as unknown as Node[])]) {
      if (child.nodeType === 1) {
        const c = child as Element;
        const name = c.localName ?? c.nodeName;
        if (c.namespaceURI !== SVG_NS) {
          if (c.namespaceURI === 'http://www.w3.org/1999/xhtml' || !c.namespaceURI)
            fail(`<${c.nodeName}> is HTML, not SVG`, c);
          el.removeChild(c); // editor data (sodipodi:namedview, RDF …)
        } else if (REFUSED[name]) fail(`<${name}> is not allowed in images (${REFUSED[name]})`, c);
        else if (DROPPED.has(name)) el.removeChild(c);
        else if (!ELEMENTS.has(name)) fail(`<${name}> is not supported in SVG images`, c);
        else visit(c, depth + 1);
      } else if (child.nodeType === 3 || child.nodeType === 4) {
        if (el.localName === 'style') checkCss(child.nodeValue ?? '', el, fail);
      } else el.removeChild(child); // comments, processing instructions
    }
  };
  visit(root, 1);
  if (!problem) checkUses(root, ids, fail);
  if (problem) return { problem };

  const size = intrinsicSize(root);
  if ('problem' in size) return size;
  // Drawn at any size: without a viewBox the drawing would not scale with it.
  if (!root.getAttribute('viewBox')) root.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
  return { svg: new XMLSerializer().serializeToString(doc), ...size };
}

function checkAttributes(el: Element, fail: (m: string, n?: Node) => void): void {
  const name = el.localName ?? el.nodeName;
  for (const attr of [...(el.attributes as unknown as Attr[])]) {
    const local = attr.localName ?? attr.name;
    const value = attr.value ?? '';
    if (/^on/i.test(local)) {
      fail(`<${name}> has an event handler (${attr.name})`, el);
      continue;
    }
    if (local === 'href' && (attr.namespaceURI === XLINK_NS || !attr.namespaceURI)) {
      const v = value.trim();
      const inside = v.startsWith('#') && LINKING.has(name);
      const embedded = name === 'image' && /^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/=\s]*$/i.test(v);
      if (!inside && !embedded) fail(`<${name}> refers to "${clip(v)}" outside the image`, el);
      continue;
    }
    const declaresOther = attr.namespaceURI === XMLNS_NS && attr.name !== 'xmlns' && attr.value !== XLINK_NS;
    if (declaresOther || (attr.namespaceURI && attr.namespaceURI !== XML_NS && attr.namespaceURI !== XMLNS_NS)) {
      el.removeAttributeNode(attr); // editor attributes (inkscape:label …) and their namespaces
      continue;
    }
    if (/javascript:|vbscript:|data:text|expression\s*\(/i.test(value)) {
      fail(`<${name}> ${attr.name} holds a script`, el);
      continue;
    }
    if (local === 'style') checkCss(value ?? '', el, fail);
    else checkUrls(value, el, attr.name, fail);
  }
}

function checkCss(css: string, el: Element, fail: (m: string, n?: Node) => void): void {
  if (/@import|@font-face|@namespace/i.test(css)) fail(`a style sheet that loads files (@import or @font-face)`, el);
  checkUrls(css, el, 'style', fail);
}

/** `url()` may only point at an element of the same document (`url(#id)`). */
function checkUrls(value: string, el: Element, what: string, fail: (m: string, n?: Node) => void): void {
  for (const m of value.matchAll(/url\(\s*(['"]?)([^)'"]*)\1\s*\)/gi)) {
    if (!m[2]!.trim().startsWith('#'))
      fail(`<${el.localName}> ${what} refers to "${clip(m[2]!)}" outside the image`, el);
  }
  if (/url\(/i.test(value) && !/url\(\s*(['"]?)[^)'"]*\1\s*\)/i.test(value))
    fail(`<${el.localName}> ${what} has a url() that cannot be read`, el);
}

/**
 * `<use>` copies elements: a chain of them can make a small file draw billions of shapes (the SVG
 * "billion laughs"), and one that points at its own ancestor draws forever.
 */
function checkUses(root: Element, ids: ReadonlyMap<string, Element>, fail: (m: string, n?: Node) => void): void {
  const memo = new Map<Element, number>();
  const active = new Set<Element>();
  const drawn = (el: Element): number => {
    const known = memo.get(el);
    if (known !== undefined) return known;
    if (active.has(el)) {
      fail(`<use> refers to an element that contains it`, el);
      return Infinity;
    }
    active.add(el);
    let n = 1;
    for (const child of el.childNodes as unknown as Node[]) if (child.nodeType === 1) n += drawn(child as Element);
    if (el.localName === 'use') {
      const ref = (el.getAttributeNS(XLINK_NS, 'href') || el.getAttribute('href') || '').trim().slice(1);
      const target = ids.get(ref);
      if (target) n += drawn(target);
    }
    active.delete(el);
    memo.set(el, n);
    return n;
  };
  const total = drawn(root);
  if (total > SVG_LIMITS.drawn && total !== Infinity)
    fail(`draws more than ${SVG_LIMITS.drawn} elements once <use> copies are counted`);
}

const UNITS: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };

/** The picture's size in CSS pixels: width and height, else the viewBox. */
function intrinsicSize(root: Element): { width: number; height: number } | { problem: string } {
  const length = (v: string | null) => {
    const m = /^\s*([\d.]+(?:e[+-]?\d+)?)\s*(px|pt|pc|mm|cm|in)?\s*$/i.exec(v ?? '');
    return m ? Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]! : null;
  };
  const box = (root.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const vb = box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0 ? box : null;
  let width = length(root.getAttribute('width'));
  let height = length(root.getAttribute('height'));
  if (vb) {
    if (width === null && height !== null) width = (height * vb[2]!) / vb[3]!;
    if (height === null && width !== null) height = (width * vb[3]!) / vb[2]!;
    width ??= vb[2]!;
    height ??= vb[3]!;
  }
  if (!width || !height || !Number.isFinite(width) || !Number.isFinite(height))
    return { problem: 'has no size: give the <svg> a width and height, or a viewBox' };
  return { width, height };
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
