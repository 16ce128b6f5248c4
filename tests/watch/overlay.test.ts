import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.js';
import { project } from '../helpers/project.js';
import { served, startWatch, waitFor } from '../helpers/watch.js';

const overlayText = () => document.getElementById('deckhand-problems')?.innerText ?? '';

describe('deckhand watch --serve: the error overlay', () => {
  it(
    'a failed rebuild shows its positioned errors over every open deck and the index; the next good build clears ' +
      'them; a PDF opened from the index reloads',
    async () => {
      const dir = project('release');
      const w = startWatch(
        ['--serve', '--port', '0', '-a', 'patient', '-f', 'slides,handout', 'content/sleep.yaml'],
        dir,
      );
      const base = await served(w);
      const browser = await launch();
      try {
        const context = await browser.newContext();
        const pageErrors: string[] = [];
        const open = async (url: string) => {
          const page = await context.newPage();
          page.on('pageerror', (e) => pageErrors.push(e.message));
          page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
          await page.goto(url);
          return page;
        };
        const deck = await open(`${base}sleep/patient/slides.html#2`);
        const index = await open(base);
        // The handout, opened from the index's link: a page of the preview that frames the PDF.
        const href = await index.getAttribute('a[href$="handout.pdf"]', 'href');
        expect(href).toBe('/__deckhand/pdf/sleep/patient/handout.pdf');
        const pdfRequests: string[] = [];
        const viewer = await context.newPage();
        viewer.on('request', (r) => r.url().includes('handout.pdf') && pdfRequests.push(r.url()));
        await viewer.goto(new URL(href!, base).href);
        await waitFor(
          'the PDF in its frame',
          () => pdfRequests.length > 0 && pdfRequests,
          () => pdfRequests.join('\n'),
        );
        await new Promise((r) => setTimeout(r, 400)); // the event streams connect

        const topic = join(dir, 'content/sleep.yaml');
        const good = readFileSync(topic, 'utf8');
        writeFileSync(topic, good.replace(/^title: .*$/m, '$&\nsubtitel: oops'));
        await waitFor('the failed rebuild', () => w.stderr().includes('not built'), w.stderr);
        for (const page of [deck, index, viewer]) {
          await page.waitForFunction(() => document.getElementById('deckhand-problems') !== null, null, {
            timeout: 10_000,
          });
          const text = await page.evaluate(overlayText);
          expect(text).toContain('Rebuild failed: 1 error');
          expect(text).toMatch(/content\/sleep\.yaml:2:1/);
          expect(text).toContain('unknown key "subtitel"');
          expect(text).toContain('[DH_UNKNOWN_KEY]');
          expect(text).toContain('hint:');
        }
        // The overlay is painted, not only in the DOM: a screenshot of a blank page is a few hundred bytes.
        expect((await deck.screenshot()).length).toBeGreaterThan(5000);
        // A page opened while the build is broken shows the errors too.
        const late = await open(`${base}sleep/patient/slides.html`);
        await late.waitForFunction(() => document.getElementById('deckhand-problems') !== null, null, {
          timeout: 10_000,
        });

        const requestsBefore = pdfRequests.length;
        writeFileSync(topic, good.replace('Healthy sleep', 'Restful sleep'));
        for (const page of [deck, index, viewer, late])
          await page.waitForFunction(() => document.getElementById('deckhand-problems') === null, null, {
            timeout: 20_000,
          });
        await deck.waitForFunction(() => document.body.innerText.includes('Restful sleep'), null, { timeout: 10_000 });
        expect(new URL(deck.url()).hash).toBe('#2');
        await waitFor(
          'the PDF reloaded',
          () => pdfRequests.length > requestsBefore,
          () => pdfRequests.join('\n'),
        );
        expect(pdfRequests.at(-1)).toMatch(/handout\.pdf\?rebuilt=\d+$/);
        expect(pageErrors).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    240_000,
  );
});
