import { warning, type Diagnostic } from '../../errors/diagnostic.js';
import { Codes } from '../../errors/codes.js';
import type { RenderInput, Renderer } from '../types.js';
import { prepareMarp, REMOTE_IMPORT, renderMarp, type RenderedDeck } from './marp.js';
import { deckPage } from './page.js';
import { deckCss } from './fonts.js';
import { viewerStrings } from './viewer-strings.js';
import { artifactWhere } from '../artifact-name.js';

const encoder = new TextEncoder();

/** The deck as one self-contained HTML page (Marp's rendering plus deckhand's viewer). */
export async function deckHtml(
  input: RenderInput,
): Promise<{ html: string; slides: number; width: number; height: number; diagnostics: Diagnostic[] }> {
  const deck = await renderMarp(input.markdown, input.images, input.config.themes);
  const html = deckPage(
    deck,
    {
      title: input.topic.title,
      lang: input.topic.lang,
      generator: `deckhand ${input.version}`,
      strings: viewerStrings(input.topic.lang),
    },
    await deckCss(deck, input.audience.slides.accent, input.audience.handout.fonts),
  );
  return {
    html,
    slides: deck.slides,
    width: deck.width,
    height: deck.height,
    diagnostics: offlineWarnings(deck, input),
  };
}

/**
 * Things the page refers to but does not contain (an image outside the topic's sections, a remote
 * font in a theme). The page's CSP keeps them from loading; say so instead of leaving a blank.
 */
function offlineWarnings({ html, css }: RenderedDeck, input: RenderInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const where = artifactWhere(input, 'slides.html');
  const missing = new Set<string>();
  for (const m of html.matchAll(
    /<img [^>]*?src="(?!data:)([^"]*)"|background-image:url\(&quot;(?!data:)(.*?)&quot;\)/g,
  ))
    missing.add(m[1] ?? m[2] ?? '');
  for (const src of missing) {
    out.push(
      warning(Codes.render, `${where}: image "${src || '(blocked)'}" is not embedded and will not show`, {
        hint: 'use a section image (image: {src, alt}) or a data: URI; slides.html loads nothing from outside the file',
      }),
    );
  }
  // Remote imports are taken out (built-in gaia's web fonts fall back quietly); a custom theme should know.
  const name = input.audience.slides.theme;
  const custom = input.config.themes.find((t) => t.name === name);
  if (
    (custom && new RegExp(REMOTE_IMPORT.source, 'i').test(custom.css)) ||
    /url\(\s*["']?(?!data:)[^)"']+|@import\s/i.test(css)
  ) {
    out.push(
      warning(Codes.render, `${where}: the theme refers to files or URLs (url() or @import) that will not load`, {
        hint: 'inline fonts and images in the theme CSS as data: URIs',
      }),
    );
  }
  return out;
}

export const slidesHtml: Renderer = {
  name: 'slides-html',
  format: 'slides',
  source: 'slides',
  output: 'slides.html',
  libraries: ['marp-core'],
  async render(input: RenderInput) {
    const deck = await deckHtml(input);
    return { bytes: encoder.encode(deck.html), pages: deck.slides, diagnostics: deck.diagnostics };
  },
  prepare: prepareMarp,
};
