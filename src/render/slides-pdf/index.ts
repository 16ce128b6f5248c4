import type { Browser } from 'playwright-core';
import { deckHtml } from '../slides-html/index.js';
import { prepareMarp } from '../slides-html/marp.js';
import { Codes } from '../../errors/codes.js';
import { warning } from '../../errors/diagnostic.js';
import { RenderError, type RenderInput, type RenderOutput, type Renderer } from '../types.js';
import { findBrowser, launchBrowser } from './browser.js';
import { stampPdf } from './reproducible.js';

/** slides.pdf drawn by deckhand (no browser): the printouts' drawer at full size. */
async function drawn(input: RenderInput): Promise<RenderOutput> {
  return (await import('../printouts/slides-pdf.js')).renderDrawnSlidesPdf(input);
}

/**
 * `slides.pdf`, by `slides.pdfEngine`: `chromium` prints the HTML deck with a system Chromium (one page per
 * slide at the deck's size, links kept; one browser per build, launched by the first deck, closed by close());
 * `deckhand` draws it without a browser; `auto` (default) uses Chromium when one is found, else draws it and
 * says so.
 */
export function slidesPdf(env: NodeJS.ProcessEnv = process.env): Renderer {
  let browser: Promise<Browser> | undefined;
  return {
    name: 'slides-pdf',
    format: 'slides-pdf',
    source: 'slides',
    output: 'slides.pdf',
    cost: 'heavy',
    // The drawn engine (pdfkit, fontkit) is the fallback; the set declared is the browser engine's, which dominates.
    libraries: ['marp-core', 'playwright-core'],
    async render(input) {
      const engine = input.audience.slides.pdfEngine ?? 'auto';
      if (engine === 'deckhand') return drawn(input);
      if (engine === 'auto' && !browser) {
        try {
          findBrowser(env);
        } catch (e) {
          if (!(e instanceof RenderError)) throw e;
          const out = await drawn(input);
          const where = `${input.topic.slug}/${input.audience.name}/slides.pdf`;
          const note = warning(Codes.render, `${where}: drawn by deckhand, as no browser was found (${e.message})`, {
            hint: 'install Chromium or set CHROME_PATH for slides printed by the browser, or set slides.pdfEngine: deckhand to choose the drawn slides',
          });
          return { ...out, diagnostics: [...(out.diagnostics ?? []), note] };
        }
      }
      const deck = await deckHtml(input);
      browser ??= launchBrowser(findBrowser(env));
      // A failed launch fails every deck the same way; keep the rejected promise for them.
      const context = await (await browser).newContext({ javaScriptEnabled: true, offline: true });
      try {
        // Belt and braces next to the page's CSP: nothing but the page itself and data: URIs.
        await context.route(/^(?!data:|about:)/, (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(deck.html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          width: `${deck.width}px`,
          height: `${deck.height}px`,
          printBackground: true,
          preferCSSPageSize: true,
          tagged: true,
          outline: true,
        });
        return { bytes: stampPdf(pdf, input.date), pages: deck.slides, diagnostics: deck.diagnostics };
      } finally {
        await context.close();
      }
    },
    // The browser starts with the first deck: a worker that gets no deck never launches one.
    prepare: prepareMarp,
    async close() {
      const b = browser;
      browser = undefined;
      if (b) await b.then((x) => x.close()).catch(() => undefined);
    },
  };
}
