import type { Marp } from '@marp-team/marp-core';
import type MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import type { CustomTheme } from '../../config/types.js';
import type { ImageAsset } from '../../content/types.js';
import { RenderError } from '../types.js';
import { keepEscapesInAltText } from '../../patches/markdown-it-alt-text.js';
import { markdownSafety } from '../../patches/markdown-it-safety.js';
import { linearSlideRule } from '../../patches/marpit-slide-linear.js';
import { memoizeThemePacking } from '../../patches/marp-theme-packing.js';
import { deckMath } from './math.js';
import { DECKHAND_THEMES, deckhandThemeCss } from '../../themes/deckhand-css.js';
import { KINDS_CSS } from '../../themes/kinds-css.js';

/**
 * The process's one Marp instance (its first render compiles the themes: reuse it), imported
 * lazily so builds without decks never load marp-core. Set up for decks that must work offline and
 * cannot be restyled or scripted by content:
 * - no twemoji (CDN images), and math as inline SVG paths from deckhand's math engine (no web fonts,
 *   the same engine and dollar rule as the handout: ./math.ts), so viewing makes no request;
 * - an HTML allowlist narrower than Marp's: no media elements, images only as data: URIs;
 * - `<style>` blocks and the `style` directive ignored (CSS injection under every `html` setting,
 *   and `<style scoped>` ids from Math.random() would make the output differ on every build).
 */

export interface RenderedDeck {
  html: string;
  css: string;
  /** Presenter notes per slide, as written (raw text: escape before use). */
  notes: string[][];
  slides: number;
  /** Width and height of a slide in CSS px. */
  width: number;
  height: number;
  lang: string | undefined;
}

let instance:
  | Promise<
      (
        markdown: string,
        images: ReadonlyMap<string, ImageAsset>,
        themes: readonly CustomTheme[],
      ) => Promise<RenderedDeck>
    >
  | undefined;

/** Loads marp-core and sets up the shared instance, ahead of the first deck. */
export async function prepareMarp(): Promise<void> {
  instance ??= create();
  await instance;
}

/** Renders Marp Markdown with the shared instance. */
export async function renderMarp(
  markdown: string,
  images: ReadonlyMap<string, ImageAsset>,
  themes: readonly CustomTheme[],
): Promise<RenderedDeck> {
  instance ??= create();
  return (await instance)(markdown, images, themes);
}

async function create() {
  const { Marp } = await import('@marp-team/marp-core');
  const marp: Marp = new Marp({
    html: allowlist(Marp.html),
    emoji: { shortcode: false, unicode: false },
    // Marp's own math (KaTeX or MathJax plugins) is off: deckhand's math rule and engine take its place.
    math: false,
    script: { source: 'inline' },
  });
  for (const name of DECKHAND_THEMES) marp.themeSet.add(deckhandThemeCss(name));
  const math = deckMath(marp.markdown as MarkdownIt);
  const forgetPacked = memoizeThemePacking(marp);
  linearSlideRule(marp);
  const md = marp.markdown as MarkdownIt;
  markdownSafety(md);
  md.block.ruler.disable(['marpit_style_parse']);
  md.core.ruler.before('marpit_style_assign', 'deckhand_drop_style_directive', () => {
    const globals = (marp as unknown as { lastGlobalDirectives?: Record<string, unknown> }).lastGlobalDirectives;
    if (globals) delete globals.style;
    return false;
  });

  // Images the Markdown refers to by their relative URL become data: URIs, so the file stands alone.
  let current: ReadonlyMap<string, ImageAsset> = new Map();
  const embedded = new Set<string>();
  const normalizeLink = md.normalizeLink.bind(md);
  md.normalizeLink = (url: string) => {
    const image = current.get(url) ?? current.get(safeDecode(url));
    if (!image) return normalizeLink(url);
    const uri = dataUri(image);
    embedded.add(uri);
    return uri;
  };
  // markdown-it allows data: URIs of raster images only; a section's SVG image was sanitised on load.
  const validateLink = md.validateLink.bind(md);
  md.validateLink = (url: string) => embedded.has(url) || validateLink(url);
  keepEscapesInAltText(md);

  const added = new Map<string, string>();
  return async (
    markdown: string,
    images: ReadonlyMap<string, ImageAsset>,
    themes: readonly CustomTheme[],
  ): Promise<RenderedDeck> => {
    for (const theme of themes) {
      if (added.get(theme.name) === theme.css) continue;
      try {
        marp.themeSet.add(theme.css);
        forgetPacked();
      } catch (e) {
        throw new RenderError(
          `theme "${theme.path}" is not a valid Marp theme: ${(e as Error).message}`,
          'check the CSS syntax and the /* @theme name */ comment',
        );
      }
      added.set(theme.name, theme.css);
    }
    const theme = frontMatter(markdown).theme;
    if (typeof theme === 'string' && !marp.themeSet.has(theme)) {
      const known = [...marp.themeSet.themes()].map((t) => t.name);
      throw new RenderError(
        `unknown theme "${theme}"`,
        `themes: ${known.join(', ')}; set slides.theme in deckhand.config.yaml to one of them or to a CSS file`,
      );
    }
    current = images;
    try {
      const { html, css, comments } = await math.render(markdown, () => marp.render(markdown));
      const size = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(html);
      return {
        html: fixCaptions(html),
        // Gaia's web font import would be a request. The section kinds' styles go after the theme's.
        css: cleanCss(css) + KINDS_CSS,
        notes: comments,
        slides: (html.match(/<svg data-marpit-svg/g) ?? []).length,
        width: size ? Number(size[1]) : 1280,
        height: size ? Number(size[2]) : 720,
        lang: (marp as unknown as { lastGlobalDirectives?: { lang?: string } }).lastGlobalDirectives?.lang,
      };
    } finally {
      current = new Map();
      embedded.clear();
    }
  };
}

const cleaned = new Map<string, string>();

function cleanCss(css: string): string {
  let out = cleaned.get(css);
  if (out === undefined) {
    out = css.replace(REMOTE_IMPORT, '');
    cleaned.set(css, out);
  }
  return out;
}

export const REMOTE_IMPORT = /@import\s+(?:url\(\s*)?["']?(?:https?:)?\/\/[^;]*;/gi;

/** Marp's allowlist minus what could load something: media elements, and images other than data: URIs. */
function allowlist(base: typeof Marp.html): typeof Marp.html {
  const html = { ...(base as Record<string, Record<string, unknown>>) };
  for (const tag of ['audio', 'video', 'source', 'picture']) delete html[tag];
  const img = { ...html.img };
  delete img.srcset;
  img.src = (v: string) => (/^\s*data:image\/(?:png|jpeg|gif|webp);/i.test(v) ? v : '');
  html.img = img;
  return html as typeof Marp.html;
}

function dataUri(image: ImageAsset): string {
  const base64 = Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength).toString('base64');
  return `data:image/${image.type === 'svg' ? 'svg+xml' : image.type};base64,${base64}`;
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** A background image's caption is its raw alt text: drop the Markdown backslash escapes in it. */
function fixCaptions(html: string): string {
  return html.replace(
    /<figcaption>([^<]*)<\/figcaption>/g,
    (_, text: string) =>
      `<figcaption>${text.replace(/\\(&(?:lt|gt|amp|quot|#39);|[!-/:-@[-`{-~])/g, '$1')}</figcaption>`,
  );
}

/** The deck's front matter (Marp reads an unknown `theme:` as "use the default"; deckhand refuses it). */
function frontMatter(markdown: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown);
  if (!m) return {};
  try {
    const data: unknown = parseYaml(m[1]!);
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
