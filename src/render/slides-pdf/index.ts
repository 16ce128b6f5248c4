import type { Browser } from 'playwright-core';
import { deckHtml } from '../slides-html/index.js';
import { prepareMarp } from '../slides-html/marp.js';
import type { Renderer } from '../types.js';
import { findBrowser, launchBrowser } from './browser.js';
import { stampPdf } from './reproducible.js';

/**
 * `slides.pdf`: the HTML deck printed by a system Chromium, one page per slide at the deck's size,
 * links kept. One browser per build: launched by the first deck, closed by close().
 */
export function slidesPdf(env: NodeJS.ProcessEnv = process.env): Renderer {
  let browser: Promise<Browser> | undefined;
  return {
    name: 'slides-pdf',
    format: 'slides-pdf',
    source: 'slides',
    output: 'slides.pdf',
    cost: 'heavy',
    libraries: ['marp-core', 'playwright-core'],
    async render(input) {
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
