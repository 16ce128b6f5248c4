import type { Browser } from 'playwright-core';
import type { Diagnostic } from '../../errors/diagnostic.js';
import { deckHtml } from '../slides-html/index.js';
import type { RenderInput } from '../types.js';
import { findBrowser, launchBrowser } from './browser.js';
import { stampPdf } from './reproducible.js';

// The HTML deck printed by Chromium: what slides.pdf is, and what `miniatures: exact` stamps into the printouts.
// One browser per thread, launched by the first deck that needs it and shared by every renderer that prints.

export interface PrintedDeck {
  /** One page per slide at the deck's size, dates set to the build date. */
  bytes: Uint8Array;
  pages: number;
  diagnostics: Diagnostic[];
}

export interface DeckPrinter {
  /** The browser it would use; throws a RenderError (with an install hint) when there is none. */
  find(): string;
  /** Whether a browser was launched (then `find()` has already succeeded). */
  readonly started: boolean;
  print(input: RenderInput): Promise<PrintedDeck>;
  close(): Promise<void>;
}

export function deckPrinter(env: NodeJS.ProcessEnv = process.env): DeckPrinter {
  let browser: Promise<Browser> | undefined;
  return {
    find: () => findBrowser(env),
    get started() {
      return browser !== undefined;
    },
    async print(input) {
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
    async close() {
      const b = browser;
      browser = undefined;
      if (b) await b.then((x) => x.close()).catch(() => undefined);
    },
  };
}
