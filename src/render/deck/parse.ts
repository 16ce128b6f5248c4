import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { plainText, toBlocks, type Inline } from '../handout-pdf/blocks.js';
import { globalsOf, isDirective, localsOf, readYaml, type Directives } from './directives.js';
import { blockHtml, inlineHtml } from './html.js';
import { imageOptions } from './images.js';
import type { Background, Deck, Slide } from './model.js';
import { marpSyntax } from './syntax.js';
import { markdownSafety } from '../../patches/markdown-it-safety.js';

// Marp Markdown → Deck, split and read the way Marp (marpit 3, marp-core 5) does it: front matter, slides
// split at every top-level horizontal rule (and at headings with `headingDivider`), directives in HTML
// comments (global; local from their slide on; `_spot` for one slide), image keywords, and every other
// comment a speaker note. tests/render/deck/parse.test.ts compares the result with Marp's own rendering.

let parser: Promise<MarkdownIt> | undefined;

/** markdown-it set up as marp-core sets it up: CommonMark, GFM tables, strikethrough, linkify, breaks. */
function markdownIt(): Promise<MarkdownIt> {
  parser ??= (async () => {
    const { default: MarkdownItClass } = await import('markdown-it');
    const md = new MarkdownItClass('commonmark', { html: true, breaks: true, linkify: true });
    md.enable(['table', 'linkify', 'strikethrough']);
    md.linkify.set({ fuzzyLink: false });
    return md.use(marpSyntax).use(markdownSafety);
  })();
  return parser;
}

/** Loads the Markdown parser ahead of the first deck. */
export async function prepareDeckParser(): Promise<void> {
  await markdownIt();
}

const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;
const MAGIC = [
  /^prettier-ignore(-(start|end))?$/,
  /^markdownlint-((disable|enable).*|capture|restore)$/,
  /^lint (disable|enable|ignore).*$/,
];

export interface ParseOptions {
  /** Theme names Marp knows (a `theme` directive naming another is ignored, as Marp ignores it). */
  knownTheme?: (name: string) => boolean;
}

export async function parseDeck(markdown: string, options: ParseOptions = {}): Promise<Deck> {
  const md = await markdownIt();
  const source = markdown.replace(/^\uFEFF/, '');
  const fm = FRONT_MATTER.exec(source);
  const front = fm ? (readYaml(fm[1] ?? '') ?? {}) : {};
  const tokens = md.parse(fm ? source.slice(fm[0].length) : source, {});
  const knownTheme = options.knownTheme ?? (() => true);

  // Pass 1: which comments are directives, and the global directives (the last value wins).
  const directive = new Map<Token, Directives>();
  const comments = allComments(tokens);
  let globals: Directives = globalsOf(front, knownTheme);
  for (const c of comments) {
    const d = readYaml(c.content);
    if (d && isDirective(d)) {
      directive.set(c, d);
      globals = { ...globals, ...globalsOf(d, knownTheme) };
    }
  }

  // Pass 2: split into slides, then local and spot directives slide by slide.
  const slideTokens = split(tokens, globals.headingDivider as number[] | false | undefined);
  const base = localsOf(front);
  let local: Directives = { ...base.local };
  let spot: Directives = { ...base.spot };
  let page = 0;
  const slides: Slide[] = slideTokens.map((list, index) => {
    const notes: string[] = [];
    for (const c of allComments(list)) {
      const d = directive.get(c);
      if (d) {
        const l = localsOf(d);
        local = { ...local, ...l.local };
        spot = { ...spot, ...l.spot };
      } else if (!isFitting(c, list) && !MAGIC.some((m) => m.test(c.content))) notes.push(c.content);
    }
    const dirs = { ...local, ...spot };
    spot = {};
    if (dirs.paginate !== 'skip' && dirs.paginate !== 'hold') page += 1;
    return slide(md, index, list, dirs, notes, dirs.paginate && dirs.paginate !== 'skip' ? Math.max(page, 1) : null);
  });

  const meta: Deck['meta'] = {};
  for (const k of ['title', 'author', 'description'] as const) if (typeof front[k] === 'string') meta[k] = front[k];
  return {
    theme: typeof globals.theme === 'string' ? globals.theme : null,
    size: typeof globals.size === 'string' ? globals.size : null,
    lang: typeof globals.lang === 'string' ? globals.lang : null,
    meta,
    slides,
  };
}

/** Every comment token, block-level or inline, in document order. */
function allComments(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.type === 'marpit_comment') out.push(t);
    else if (t.type === 'inline') for (const c of t.children ?? []) if (c.type === 'marpit_comment') out.push(c);
  }
  return out;
}

/** `# Title <!-- fit -->`: marp-core's fitting header, not a note. */
function isFitting(comment: Token, tokens: readonly Token[]): boolean {
  if (comment.content !== 'fit') return false;
  const i = tokens.findIndex((t) => t.children?.includes(comment));
  return i > 0 && tokens[i - 1]!.type === 'heading_open';
}

/** Slides split at top-level rules; with headingDivider also before those headings (not before the first content). */
function split(tokens: readonly Token[], divider: number[] | false | undefined): Token[][] {
  const tags = Array.isArray(divider) ? divider.map((l) => `h${l}`) : [];
  const slides: Token[][] = [[]];
  let seen = false;
  for (const t of tokens) {
    if (t.type === 'hr' && t.level === 0) {
      slides.push([]);
      continue;
    }
    if (tags.length && t.type === 'heading_open' && tags.includes(t.tag) && seen) slides.push([]);
    if (!t.hidden) seen = true;
    slides[slides.length - 1]!.push(t);
  }
  return slides;
}

function slide(
  md: MarkdownIt,
  index: number,
  tokens: Token[],
  dirs: Directives,
  notes: string[],
  page: number | null,
): Slide {
  const backgrounds: Background[] = [];
  let split: Slide['split'] = null;
  let direction: Slide['backgroundDirection'] = 'horizontal';
  const T = tokens[0]?.constructor as typeof Token | undefined;
  const content = tokens
    .filter((t) => t.type !== 'marpit_comment')
    .flatMap((t) => (t.type === 'html_block' && T ? blockHtml(t, T) : [t]));
  for (const t of content) {
    if (t.type !== 'inline' || !t.children) continue;
    t.children = inlineHtml(t.children, t.constructor as typeof Token).filter((c) => {
      if (c.type === 'marpit_comment') return false;
      if (c.type !== 'image') return true;
      const o = imageOptions(c.content);
      const alt = inlineText(md, o.alt);
      if (o.background) {
        backgrounds.push({ url: decode(c.attrGet('src') ?? ''), alt, size: o.size ?? 'cover' });
        if (o.split) split = o.split;
        if (o.direction) direction = o.direction;
        return false;
      }
      if (o.width) c.attrSet('width', o.width);
      if (o.height) c.attrSet('height', o.height);
      c.children = [Object.assign(new (c.constructor as typeof Token)('text', '', 0), { content: alt })];
      return true;
    });
  }
  const { blocks } = toBlocks(content);
  const heading = blocks.find((b) => b.kind === 'heading');
  const classes = typeof dirs.class === 'string' ? dirs.class.split(/\s+/).filter(Boolean) : [];
  return {
    index,
    classes,
    page,
    header: marginal(md, dirs.header),
    footer: marginal(md, dirs.footer),
    color: typeof dirs.color === 'string' ? dirs.color : null,
    backgroundColor: typeof dirs.backgroundColor === 'string' ? dirs.backgroundColor : null,
    backgrounds,
    split,
    backgroundDirection: direction,
    blocks,
    title: heading && heading.kind === 'heading' ? plainText(heading.inlines) : null,
    notes,
  };
}

/** A header or footer: inline Markdown, empty means none (as Marp skips it). */
function marginal(md: MarkdownIt, value: unknown): Inline[] | null {
  if (typeof value !== 'string' || value === '') return null;
  const { blocks } = toBlocks(paragraphTokens(md, value));
  const first = blocks[0];
  return first?.kind === 'paragraph' ? first.inlines : null;
}

function paragraphTokens(md: MarkdownIt, text: string): Token[] {
  const inline = md.parseInline(text, {});
  const T = inline[0]!.constructor as typeof Token;
  return [new T('paragraph_open', 'p', 1), ...inline, new T('paragraph_close', 'p', -1)];
}

/** Alt text is inline Markdown too (Marp parses what is left of it): its plain text. */
function inlineText(md: MarkdownIt, text: string): string {
  const collect = (list: readonly Token[]): string =>
    list.map((t) => (t.children ? collect(t.children) : t.type === 'softbreak' ? ' ' : t.content)).join('');
  return collect(md.parseInline(text, {})).replace(/\u2060/g, '');
}

function decode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
