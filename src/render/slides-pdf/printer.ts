import { createHash } from 'node:crypto';
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
  // notes.pdf and slides-handout.pdf of one deck (and its slides.pdf) in one thread: the deck is printed once.
  const recent = new Map<string, Promise<PrintedDeck>>();
  const print = async (input: RenderInput): Promise<PrintedDeck> => {
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
  };
  return {
    find: () => findBrowser(env),
    get started() {
      return browser !== undefined;
    },
    print(input) {
      const key = createHash('sha256')
        .update(`${input.topic.slug}\n${input.audience.name}\n${input.date.toISOString()}\n${input.markdown}`)
        .digest('hex');
      let job = recent.get(key);
      if (!job) {
        if (recent.size >= 4) recent.delete(recent.keys().next().value!);
        job = print(input);
        // A failed print is not kept: the next renderer tries again (and reports its own error).
        job.catch(() => recent.delete(key));
        recent.set(key, job);
      }
      return job;
    },
    async close() {
      const b = browser;
      browser = undefined;
      recent.clear();
      if (b) await b.then((x) => x.close()).catch(() => undefined);
    },
  };
}
