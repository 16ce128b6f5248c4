import type { Token } from 'markdown-it';
import { SECTION_KINDS, type SectionKind } from '../../content/schema.js';

// Markdown tokens (markdown-it, CommonMark + GFM tables + definition lists) → a small block model.
// Pure: no fonts, no PDF. Everything the typesetter supports is a case here; the rest is dropped
// with a note (raw HTML) rather than printed as source.

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** An absolute URL (http, https, mailto, tel); other targets print as plain text. */
  link?: string;
  /** Tells adjacent links apart: each link is one Link structure element. */
  linkId?: number;
  /** A hard line break (`text` is empty). */
  break?: boolean;
  /** An inline formula: `text` is its TeX. */
  math?: boolean;
  /** Text in another language than the handout's (`<span lang="en">`): tagged with it in the PDF. */
  lang?: string;
  /** Tells adjacent spans of another language apart: each is one Span structure element. */
  langId?: number;
}

export type Align = 'left' | 'center' | 'right';

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'quote'; blocks: Block[] }
  /** A section kind's container (`::: warning` … `:::`). */
  | { kind: 'callout'; callout: SectionKind; blocks: Block[] }
  | { kind: 'rule' }
  | { kind: 'code'; text: string }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][]; align: Align[] }
  | { kind: 'image'; url: string; alt: string; caption: Inline[] | null; width?: string; height?: string }
  | { kind: 'definitions'; items: { term: Inline[]; definitions: Block[][] }[] }
  /** A display formula (`$$…$$`), centred on its own line. */
  | { kind: 'math'; tex: string }
  | { kind: 'pagebreak' }
  /** `<!-- qr https://… -->`: a QR code for the address, with the address under it. */
  | { kind: 'qr'; url: string };

export interface BlocksResult {
  blocks: Block[];
  /** Things the handout cannot show (raw HTML), worded for a warning. */
  notes: string[];
}

const PAGEBREAK = /^<!--\s*pagebreak\s*-->\s*$/i;
const QR = /^<!--\s*qr:?\s+(https?:\/\/[^\s<>"]+)\s*-->\s*$/i;
const COMMENT = /^<!--[\s\S]*-->\s*$/;
const LINKABLE = /^(https?:|mailto:|tel:)/i;
/** What deckhand writes around text in another language (src/content/lang-span.ts). */
const LANG_SPAN = /^<span lang="([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)">$/;

export function toBlocks(tokens: readonly Token[]): BlocksResult {
  const state: State = { tokens, notes: new Set(), links: 0 };
  const [blocks] = blockRange(state, 0, null);
  return { blocks, notes: [...state.notes] };
}

/** Plain text of inlines: bookmark titles, alt text, link descriptions. */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => (i.break ? ' ' : i.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

// --- internal ---

interface State {
  tokens: readonly Token[];
  notes: Set<string>;
  links: number;
}

type Piece =
  | Inline
  | { image: { url: string; alt: string; title: string | null; width?: string; height?: string } }
  | { display: string };

function blockRange(s: State, start: number, close: string | null): [Block[], number] {
  const t = s.tokens;
  const blocks: Block[] = [];
  let i = start;
  while (i < t.length) {
    const tok = t[i]!;
    if (close !== null && tok.type === close) return [withCaptions(blocks), i + 1];
    switch (tok.type) {
      case 'heading_open': {
        const level = Math.min(4, Number(tok.tag.slice(1))) as 1 | 2 | 3 | 4;
        blocks.push({ kind: 'heading', level, inlines: inlinesOnly(s, t[i + 1]!) });
        i += 3;
        break;
      }
      case 'paragraph_open':
        blocks.push(...paragraph(s, t[i + 1]!));
        i += 3;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const items: Block[][] = [];
        i++;
        while (t[i]?.type === 'list_item_open') {
          const [item, next] = blockRange(s, i + 1, 'list_item_close');
          items.push(item);
          i = next;
        }
        blocks.push({
          kind: 'list',
          ordered: tok.type === 'ordered_list_open',
          start: Number(tok.attrGet('start') ?? 1),
          items,
        });
        i++;
        break;
      }
      case 'blockquote_open': {
        const [inner, next] = blockRange(s, i + 1, 'blockquote_close');
        blocks.push({ kind: 'quote', blocks: inner });
        i = next;
        break;
      }
      case 'container_warning_open':
      case 'container_call_open':
      case 'container_steps_open':
      case 'container_questions_open':
      case 'container_tip_open': {
        const callout = tok.type.slice('container_'.length, -'_open'.length) as SectionKind;
        const [inner, next] = blockRange(s, i + 1, `container_${callout}_close`);
        if (SECTION_KINDS.includes(callout)) blocks.push({ kind: 'callout', callout, blocks: inner });
        i = next;
        break;
      }
      case 'hr':
        blocks.push({ kind: 'rule' });
        i++;
        break;
      case 'math_block':
        blocks.push({ kind: 'math', tex: tok.content.trim() });
        i++;
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', text: tok.content.replace(/\n$/, '') });
        i++;
        break;
      case 'html_block':
        if (PAGEBREAK.test(tok.content.trim())) blocks.push({ kind: 'pagebreak' });
        else if (QR.test(tok.content.trim())) blocks.push({ kind: 'qr', url: QR.exec(tok.content.trim())![1]! });
        else if (!COMMENT.test(tok.content.trim())) s.notes.add('raw HTML is not shown in handouts');
        i++;
        break;
      case 'table_open':
        i = table(s, i + 1, blocks);
        break;
      case 'dl_open':
        i = definitions(s, i + 1, blocks);
        break;
      default:
        i++;
    }
  }
  return [withCaptions(blocks), i];
}

/** A paragraph; images and display formulas in it become blocks of their own, in place. */
function paragraph(s: State, inline: Token): Block[] {
  const out: Block[] = [];
  let run: Inline[] = [];
  const flush = () => {
    if (run.some((r) => r.text.trim() !== '')) out.push({ kind: 'paragraph', inlines: trimEnds(run) });
    run = [];
  };
  for (const p of inlines(s, inline.children ?? [])) {
    if ('display' in p) {
      flush();
      out.push({ kind: 'math', tex: p.display });
    } else if ('image' in p) {
      flush();
      const { url, alt, title, width, height } = p.image;
      out.push({
        kind: 'image',
        url,
        alt,
        caption: title ? [{ text: title }] : null,
        ...(width ? { width } : {}),
        ...(height ? { height } : {}),
      });
    } else run.push(p);
  }
  flush();
  return out;
}

/** An image followed by a paragraph that is all emphasis (`*caption*`): that paragraph is its caption. */
function withCaptions(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (
      b.kind === 'paragraph' &&
      prev?.kind === 'image' &&
      prev.caption === null &&
      b.inlines.every((i) => i.italic || i.break || i.text.trim() === '')
    ) {
      prev.caption = b.inlines.map(({ italic: _, ...rest }) => rest);
    } else out.push(b);
  }
  return out;
}

function inlinesOnly(s: State, inline: Token): Inline[] {
  return trimEnds(
    inlines(s, inline.children ?? []).flatMap((p) =>
      'image' in p ? [{ text: p.image.alt }] : 'display' in p ? [{ text: p.display, math: true }] : [p],
    ),
  );
}

function inlines(s: State, children: readonly Token[]): Piece[] {
  const out: Piece[] = [];
  let bold = 0;
  let italic = 0;
  let link: { href: string; id: number } | null = null;
  const langs: { lang: string; id: number }[] = [];
  const push = (text: string, extra: Partial<Inline> = {}) => {
    const piece: Inline = { text, ...extra };
    if (bold) piece.bold = true;
    if (italic) piece.italic = true;
    const lang = langs[langs.length - 1];
    if (lang) Object.assign(piece, { lang: lang.lang, langId: lang.id });
    if (link) Object.assign(piece, { link: link.href, linkId: link.id });
    out.push(piece);
  };
  for (const c of children) {
    switch (c.type) {
      case 'text':
        push(c.content);
        break;
      case 'code_inline':
        push(c.content, { code: true });
        break;
      case 'math_inline':
        if ((c.meta as { display?: boolean } | null)?.display) out.push({ display: c.content });
        else push(c.content, { math: true });
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push('', { break: true });
        break;
      case 'strong_open':
      case 'strong_close':
        bold += c.type === 'strong_open' ? 1 : -1;
        break;
      case 'em_open':
      case 'em_close':
        italic += c.type === 'em_open' ? 1 : -1;
        break;
      case 'link_open': {
        const href = c.attrGet('href') ?? '';
        link = LINKABLE.test(href) ? { href, id: ++s.links } : null;
        break;
      }
      case 'link_close':
        link = null;
        break;
      case 'image':
        out.push({
          image: {
            url: decodeUrl(c.attrGet('src') ?? ''),
            alt: altText(c.children ?? []),
            title: c.attrGet('title') || null,
            // Set by parsers that read size keywords out of the alt text (the deck's Marp `w:` / `h:`).
            ...(c.attrGet('width') ? { width: c.attrGet('width')! } : {}),
            ...(c.attrGet('height') ? { height: c.attrGet('height')! } : {}),
          },
        });
        break;
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(c.content)) push('', { break: true });
        else if (LANG_SPAN.test(c.content)) langs.push({ lang: LANG_SPAN.exec(c.content)![1]!, id: ++s.links });
        else if (/^<\/span\s*>$/i.test(c.content) && langs.length) langs.pop();
        else if (!COMMENT.test(c.content)) s.notes.add('raw HTML is not shown in handouts');
        break;
      default:
        if (c.content) push(c.content);
    }
  }
  return out;
}

/** markdown-it percent-encodes destinations; images are looked up by the path as the template wrote it. */
function decodeUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function altText(children: readonly Token[]): string {
  return children.map((c) => (c.children ? altText(c.children) : c.type === 'softbreak' ? ' ' : c.content)).join('');
}

function trimEnds(list: Inline[]): Inline[] {
  const out = list.map((i) => ({ ...i }));
  while (out.length && !out[0]!.break && out[0]!.text.trim() === '') out.shift();
  while (out.length && !out[out.length - 1]!.break && out[out.length - 1]!.text.trim() === '') out.pop();
  while (out.length && out[out.length - 1]!.break) out.pop();
  if (out[0]) out[0].text = out[0].text.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, '');
  return out;
}

function table(s: State, start: number, blocks: Block[]): number {
  const t = s.tokens;
  const header: Inline[][] = [];
  const rows: Inline[][][] = [];
  const align: Align[] = [];
  let inHead = false;
  let row: Inline[][] | null = null;
  let i = start;
  for (; i < t.length && t[i]!.type !== 'table_close'; i++) {
    const tok = t[i]!;
    if (tok.type === 'thead_open') inHead = true;
    else if (tok.type === 'thead_close') inHead = false;
    else if (tok.type === 'tr_open') row = inHead ? header : [];
    else if (tok.type === 'tr_close' && row && !inHead) rows.push(row);
    else if ((tok.type === 'th_open' || tok.type === 'td_open') && row) {
      if (inHead)
        align.push((/text-align:\s*(left|center|right)/.exec(tok.attrGet('style') ?? '')?.[1] as Align) ?? 'left');
      row.push(inlinesOnly(s, t[i + 1]!));
      i++;
    }
  }
  blocks.push({ kind: 'table', header, rows, align });
  return i + 1;
}

function definitions(s: State, start: number, blocks: Block[]): number {
  const t = s.tokens;
  const items: { term: Inline[]; definitions: Block[][] }[] = [];
  let i = start;
  while (i < t.length && t[i]!.type !== 'dl_close') {
    const tok = t[i]!;
    if (tok.type === 'dt_open') {
      items.push({ term: inlinesOnly(s, t[i + 1]!), definitions: [] });
      i += 3;
    } else if (tok.type === 'dd_open') {
      const [def, next] = blockRange(s, i + 1, 'dd_close');
      if (!items.length) items.push({ term: [], definitions: [] });
      items[items.length - 1]!.definitions.push(def);
      i = next;
    } else i++;
  }
  blocks.push({ kind: 'definitions', items });
  return i + 1;
}
