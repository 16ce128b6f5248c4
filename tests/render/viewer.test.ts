import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.js';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

// The deck viewer's keys and the presenter view, in real Chromium, on the slides fixture.

let browser: Browser;
let url: string;
beforeAll(async () => {
  const dir = project('slides');
  const r = await runDeckhand(['build', '-f', 'slides', '-a', 'patient'], dir);
  expect(r.code, r.stderr).toBe(0);
  url = pathToFileURL(join(dir, 'output/deck/patient/slides.html')).href;
  browser = await launch();
});
afterAll(async () => browser?.close());

async function open(hash = '', touch = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, hasTouch: touch });
  const page = await context.newPage();
  await page.goto(url + hash);
  return { context, page };
}
const current = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.marpit > svg')].findIndex((s) => s.classList.contains('dh-current')),
  );
const visible = (page: Page, sel: string) => page.locator(sel).isVisible();

/** Computed styles of a slide's section and its title, to compare a preview with the slide itself. */
const styles = (page: Page, svg: string) =>
  page.evaluate((sel) => {
    const section = document.querySelector(`${sel} section[id]`)!;
    const pick = (e: Element | null) => {
      if (!e) return null;
      const cs = getComputedStyle(e);
      return [cs.backgroundColor, cs.color, cs.fontFamily, cs.fontSize, cs.lineHeight, cs.padding].join(' | ');
    };
    return { section: pick(section), title: pick(section.querySelector('h2')), li: pick(section.querySelector('li')) };
  }, svg);

describe('the presenter view in Chromium', () => {
  it('previews are styled exactly like the audience window (theme, size ratio)', async () => {
    const { context, page } = await open('#2');
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    await presenter.waitForLoadState();
    await expect.poll(() => presenter.locator('.dh-p-now svg[data-marpit-svg]').count()).toBe(1);
    const audience = await styles(page, '.marpit > svg.dh-current');
    const preview = await styles(presenter, '.dh-p-now > .marpit > svg');
    expect(audience.section).toMatch(/DejaVu Sans/);
    expect(preview).toEqual(audience);
    const ratio = await presenter.evaluate(() => {
      const svg = document.querySelector('.dh-p-now svg[data-marpit-svg]')!;
      const b = svg.querySelector('foreignObject')!.getBoundingClientRect();
      return b.width / b.height;
    });
    expect(ratio).toBeCloseTo(1280 / 720, 2);
    // The next slide's preview is styled like that slide in the audience window.
    expect(await styles(presenter, '.dh-p-next > .marpit > svg')).toEqual(
      await styles(page, '.marpit > svg:nth-of-type(3)'),
    );
    await context.close();
  });
});

describe('the viewer keys in Chromium', () => {
  it('a click and a tap advance', async () => {
    const { context, page } = await open('', true);
    await page.mouse.click(640, 360);
    expect(await current(page)).toBe(1);
    await page.touchscreen.tap(640, 360);
    expect(await current(page)).toBe(2);
    await context.close();
  });

  it('b and . black the screen, w whites it; the same key again brings the slide back', async () => {
    const { context, page } = await open();
    for (const [key, colour] of [
      ['b', 'rgb(0, 0, 0)'],
      ['.', 'rgb(0, 0, 0)'],
      ['w', 'rgb(255, 255, 255)'],
    ] as const) {
      await page.keyboard.press(key);
      expect(await visible(page, '.dh-screen'), key).toBe(true);
      expect(await page.locator('.dh-screen').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(colour);
      const pixel = await page.screenshot({ clip: { x: 600, y: 300, width: 1, height: 1 } });
      expect(pixel.length).toBeGreaterThan(0);
      await page.keyboard.press(key);
      expect(await visible(page, '.dh-screen'), key).toBe(false);
    }
    await context.close();
  });

  it('o shows every slide; clicking one goes there', async () => {
    const { context, page } = await open();
    const total = await page.locator('.marpit > svg').count();
    await page.keyboard.press('o');
    expect(await visible(page, '.dh-overview')).toBe(true);
    expect(await page.locator('.dh-overview .dh-thumb').count()).toBe(total);
    // The thumbnails are styled slides, not bare SVG.
    expect(
      await page
        .locator('.dh-overview .dh-thumb section[id]')
        .first()
        .evaluate((s) => getComputedStyle(s).fontFamily),
    ).toMatch(/DejaVu Sans/);
    await page.locator('.dh-overview .dh-thumb').nth(3).click();
    expect(await visible(page, '.dh-overview')).toBe(false);
    expect(await current(page)).toBe(3);
    await context.close();
  });

  it('g asks for a slide number and goes there', async () => {
    const { context, page } = await open();
    await page.keyboard.press('g');
    expect(await visible(page, '.dh-goto input')).toBe(true);
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    expect(await visible(page, '.dh-goto')).toBe(false);
    expect(await current(page)).toBe(4);
    expect(new URL(page.url()).hash).toBe('#5');
    await context.close();
  });

  it('? shows a help overlay listing the keys; Escape closes it', async () => {
    const { context, page } = await open();
    await page.keyboard.press('?');
    expect(await visible(page, '.dh-help')).toBe(true);
    const text = await page.locator('.dh-help').textContent();
    for (const words of [
      'Black screen',
      'White screen',
      'Overview of all slides',
      'Go to slide number',
      'Presenter view',
    ])
      expect(text).toContain(words);
    await page.keyboard.press('Escape');
    expect(await visible(page, '.dh-help')).toBe(false);
    await context.close();
  });

  it(
    "the viewer speaks the deck's language: help, counter, timer, empty notes and window title " + 'in Spanish',
    async () => {
      const dir = project('spanish-furniture');
      const r = await runDeckhand(['build', '-f', 'slides', '-a', 'patient'], dir);
      expect(r.code, r.stderr).toBe(0);
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(dir, 'output/lavado/patient/slides.html')).href);
      await page.keyboard.press('?');
      const help = (await page.locator('.dh-help').textContent()) ?? '';
      expect(help).toContain('Pantalla negra');
      expect(help).toContain('Espacio, clic');
      expect(help).not.toMatch(/Black|Space|click|Keys/);
      await page.keyboard.press('Escape');
      const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
      await presenter.waitForLoadState();
      const total = await page.locator('.marpit > svg').count();
      await expect.poll(() => presenter.locator('.dh-p-count').textContent()).toBe(`Diapositiva 1 de ${total}`);
      expect(await presenter.title()).toMatch(/^Presentador · /);
      expect(await presenter.locator('.dh-p-time').getAttribute('title')).toBe(
        'Tiempo transcurrido (clic para reiniciar)',
      );
      await presenter.keyboard.press('End');
      await expect.poll(() => presenter.locator('.dh-p-next').textContent()).toBe('Fin de la presentación');
      const words = await presenter.evaluate(() => document.body.innerText);
      expect(words).not.toMatch(/\bSlide \d|No notes|End of the deck/);
      await context.close();
    },
  );

  it("slides.body: notes moves a body off its slide into that slide's presenter notes", async () => {
    const dir = project('slides', { 'deckhand.config.yaml': 'slides: {body: notes}\n' });
    const r = await runDeckhand(['build', '-f', 'slides', '-a', 'patient'], dir);
    expect(r.code, r.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(pathToFileURL(join(dir, 'output/deck/patient/slides.html')).href);
    const intro = await page.evaluate(() => {
      const svgs = [...document.querySelectorAll('.marpit > svg')];
      const at = svgs.findIndex((s) => s.querySelector('h2')?.textContent === 'Why wounds need care');
      return {
        at,
        slide: svgs[at]?.textContent ?? '',
        note: document.querySelector(`#dh-notes > .dh-note[data-slide="${at + 1}"]`)?.textContent ?? '',
      };
    });
    expect(intro.at).toBeGreaterThan(0);
    expect(intro.slide).not.toContain('Skin is a');
    expect(intro.note).toContain('Skin is a');
    expect(intro.note).toContain('NOTE-INTRO');
    await page.close();
  });
});
