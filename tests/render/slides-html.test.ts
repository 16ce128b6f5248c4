import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.js';
import { project, REPO } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

let browser: Browser;
let deckDir: string;
let hostileDir: string;
beforeAll(async () => {
  // Bodies on the slides too (by default a section with points shows only its points): math, hostile text.
  const always = { 'deckhand.config.yaml': 'slides: {body: always}\n' };
  deckDir = project('slides', always);
  hostileDir = project('slides-hostile', always);
  for (const dir of [deckDir, hostileDir]) {
    const r = await runDeckhand(['build', '-f', 'slides', '-a', 'patient'], dir);
    expect(r.code, r.stderr).toBe(0);
  }
  browser = await launch();
});
afterAll(async () => browser?.close());

const deckUrl = (dir: string, slug: string) => pathToFileURL(join(dir, 'output', slug, 'patient', 'slides.html')).href;

/** A page that records every request and every dialog. */
async function open(url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const requests: string[] = [];
  const dialogs: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('page', (p) => p.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss())));
  const page = await context.newPage();
  await page.goto(url);
  return { context, page, requests, dialogs };
}
const currentIndex = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.marpit > svg')].findIndex((s) => s.classList.contains('dh-current')),
  );

describe('slides.html in Chromium, from file://', () => {
  it('shows one slide at a time, follows the keys, keeps the slide in the hash across reloads', async () => {
    const manifest = JSON.parse(readFileSync(join(deckDir, 'output/manifest.json'), 'utf8'));
    const expected = manifest.artifacts.find((a: { path: string }) => a.path === 'deck/patient/slides.html').pages;
    const { context, page, requests } = await open(deckUrl(deckDir, 'deck'));
    expect(await page.locator('.marpit > svg').count()).toBe(expected);
    expect(expected).toBeGreaterThanOrEqual(8);
    expect(await page.locator('.marpit > svg.dh-current').count()).toBe(1);
    const shot = join(deckDir, 'slide-1.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(5000);

    await page.keyboard.press('ArrowRight');
    expect(new URL(page.url()).hash).toBe('#2');
    expect(await currentIndex(page)).toBe(1);
    await page.reload();
    expect(await currentIndex(page)).toBe(1);
    for (const [key, index] of [
      [' ', 2],
      ['PageDown', 3],
      ['PageUp', 2],
      ['ArrowLeft', 1],
      ['End', expected - 1],
      ['Home', 0],
    ] as const) {
      await page.keyboard.press(key);
      expect(await currentIndex(page), key).toBe(index);
    }
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !/^(file|data):/.test(u))).toEqual([]);
    await context.close();
  });

  it('renders images as data: URIs with their alt text, and math as inline SVG', async () => {
    const { context, page } = await open(deckUrl(deckDir, 'deck'));
    const alts = await page
      .locator('img')
      .evaluateAll((imgs) =>
        imgs.map((i) => [
          (i as HTMLImageElement).alt,
          (i as HTMLImageElement).src.slice(0, 15),
          (i as HTMLImageElement).naturalWidth,
        ]),
      );
    expect(alts).toContainEqual(['A wound healing over two weeks', 'data:image/png;', 64]);
    expect(await page.locator('figcaption', { hasText: 'Skin cells under a microscope' }).count()).toBe(1);
    expect(await page.locator('section svg[role="img"][aria-label]').count()).toBeGreaterThan(0);
    expect(await page.locator('math').count()).toBe(0);
    await context.close();
  });

  it.each(['default', 'gaia', 'uncover'])(
    'no slide overflows in theme %s: long sections continue on the next slide',
    async (theme) => {
      // The fixture deck plus the sample topic, whose sections are real-world lengths.
      const dir = project('slides', {
        'deckhand.config.yaml': `slides: {theme: ${theme}}\n`,
        'content/sample.yaml': readFileSync(join(REPO, 'content/stem-cells-autoimmune.yaml'), 'utf8'),
      });
      const r = await runDeckhand(['build', '-f', 'slides'], dir);
      expect(r.code, r.stderr).toBe(0);
      const overflowing: string[] = [];
      const { context, page } = await open(deckUrl(dir, 'deck'));
      await page.emulateMedia({ media: 'print' });
      for (const file of ['deck/patient', 'deck/clinician', 'sample/patient', 'sample/student', 'sample/clinician']) {
        await page.goto(pathToFileURL(join(dir, 'output', file, 'slides.html')).href);
        const ids = await page.evaluate(() =>
          [...document.querySelectorAll('.marpit > svg > foreignObject > section[id]')].flatMap((s) => {
            const box = s.getBoundingClientRect();
            const cs = getComputedStyle(s);
            const kids = [...s.children]
              .filter((c) => !['HEADER', 'FOOTER', 'SCRIPT'].includes(c.tagName))
              .map((c) => c.getBoundingClientRect());
            const top = Math.min(...kids.map((k) => k.top)) - box.top;
            const bottom = Math.max(...kids.map((k) => k.bottom)) - box.top;
            return top < parseFloat(cs.paddingTop) - 2 || bottom > box.height - parseFloat(cs.paddingBottom) + 2
              ? [s.id]
              : [];
          }),
        );
        overflowing.push(...ids.map((id) => `${file}#${id}`));
      }
      expect(overflowing).toEqual([]);
      expect(await page.getByText('(continued)').count()).toBeGreaterThan(0);
      await context.close();
    },
  );

  it('the presenter view shows the current slide, the next one and its notes, in sync with the audience', async () => {
    const { context, page } = await open(deckUrl(deckDir, 'deck') + '#2');
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    await presenter.waitForLoadState();
    await expect.poll(() => presenter.locator('.dh-p-notes').textContent()).toContain('NOTE-INTRO');
    expect(await presenter.locator('.dh-p-now > svg').count()).toBe(1);
    expect(await presenter.locator('.dh-p-next > svg').count()).toBe(1);
    expect(await presenter.locator('.dh-p-time').textContent()).toMatch(/^\d\d:\d\d$/);
    // Presenter → audience, and audience → presenter.
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => currentIndex(page)).toBe(2);
    expect(new URL(page.url()).hash).toBe('#3');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => presenter.locator('.dh-p-count').textContent())
      .toBe(`Slide 4 of ${await page.locator('.marpit > svg').count()}`);
    await expect.poll(() => presenter.locator('.dh-p-notes').textContent()).toContain('NOTE-LONG');
    await context.close();
  });

  it('hostile content in a body, a point and a note: no script runs, nothing hides or restyles the deck', async () => {
    const html = readFileSync(join(hostileDir, 'output/hostile/patient/slides.html'), 'utf8');
    const { context, page, dialogs, requests } = await open(deckUrl(hostileDir, 'hostile'));
    const slides = await page.locator('.marpit > svg').count();
    expect(slides).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < slides; i++) {
      const state = await page.evaluate(() => {
        const current = document.querySelector('.marpit > svg.dh-current')!.getBoundingClientRect();
        return { body: getComputedStyle(document.body).display, width: current.width, height: current.height };
      });
      expect(state.body).not.toBe('none');
      expect(state.width * state.height).toBeGreaterThan(0);
      await page.keyboard.press('ArrowRight');
    }
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    await presenter.waitForLoadState();
    await presenter.keyboard.press('Home');
    await presenter.keyboard.press('ArrowRight');
    await expect
      .poll(() => presenter.locator('.dh-p-notes').textContent())
      .toContain('NOTE-HOSTILE --> <script>alert(1)</script>');
    expect(await presenter.locator('.dh-p-notes').textContent()).toContain('class: lead');
    const dom = await page.evaluate(() => ({
      scripts: document.scripts.length,
      styles: document.querySelectorAll('style').length,
      handlers: [...document.querySelectorAll('*')].filter((e) =>
        [...e.attributes].some((a) => a.name.startsWith('on')),
      ).length,
      jsLinks: document.querySelectorAll('a[href^="javascript" i]').length,
      classes: [...document.querySelectorAll('section[id]')].map((s) => s.className).filter(Boolean),
      after: [...document.querySelectorAll('section[id]')].filter((s) => s.textContent!.includes('AFTER-HOSTILE'))
        .length,
    }));
    expect(dom).toEqual({ scripts: 2, styles: 2, handlers: 0, jsLinks: 0, classes: ['lead title'], after: 1 });
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => !/^(file|data):/.test(u))).toEqual([]);
    expect(html).not.toMatch(/<script>alert|<img[^>]*onerror|<style>body|<a [^>]*javascript:/i);
    await context.close();
  });
});

describe('slides.html as a file', () => {
  it('is the same bytes on every build, and says what it is', async () => {
    const first = readFileSync(join(deckDir, 'output/deck/patient/slides.html'));
    const r = await runDeckhand(['build', '-f', 'slides', '-a', 'patient', '-o', 'again'], deckDir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(deckDir, 'again/deck/patient/slides.html')).equals(first)).toBe(true);
    expect(first.toString()).toContain('http-equiv="Content-Security-Policy"');
    expect(existsSync(join(deckDir, 'again/deck/patient/slides.md'))).toBe(true);
  });
});
