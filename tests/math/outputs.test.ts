import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { launch } from '../helpers/browser.js';
import { pdfText, qpdfCheck, structElements } from '../helpers/pdf.js';
import { project } from '../helpers/project.js';

// The pharmacology lecture of issue 14, built twice in-process: formulas in the title, summary,
// bodies (inline and display), points, a table, a caption, a definition and a reference, and an SVG
// diagram. Checked on the real outputs: the handout's text, tags and bytes, the deck in Chromium.
const PRICE = 'A $5 copay, or $5–$10 a month, stays a price';
let dirs: string[];
let browser: Browser;
const out = (dir: string, audience: string, file: string) => join(dir, 'output/pharmacokinetics', audience, file);

beforeAll(async () => {
  process.env.SOURCE_DATE_EPOCH = '1764547200';
  dirs = [project('math'), project('math')];
  for (const dir of dirs) {
    const result = await build({ cwd: dir, jobs: 1 });
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
  }
  delete process.env.SOURCE_DATE_EPOCH;
  browser = await launch();
}, 120_000);
afterAll(async () => browser?.close());

describe('math in the handout', () => {
  it('prints no TeX: every formula is drawn, prices stay prices', () => {
    const pdf = out(dirs[0]!, 'student', 'handout.pdf');
    expect(qpdfCheck(pdf)).toBe(0);
    const text = pdfText(pdf);
    expect(text).toContain(PRICE);
    expect(text.replace(PRICE, '')).not.toMatch(/\$|\\frac|\\,|\\left|\\text|\^\{|_\{/);
    expect(text).toContain('oral morphine');
    expect(text).toContain('Half-life and clearance,');
    // The formulas and the diagram are vector paths: no picture is embedded.
    expect(spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout.trim().split('\n').length).toBe(2);
  });

  it('tags each formula as a Formula with its TeX as alt text, inline or as a block, and the SVG as a Figure', () => {
    const elements = structElements(out(dirs[0]!, 'student', 'handout.pdf'));
    const formulas = elements.filter((e) => e.type === 'Formula');
    const alts = formulas.map((f) => f.alt);
    expect(alts).toEqual(expect.arrayContaining(['F \\approx 0.25', 'C(t) = C_0 \\, e^{-kt}', 't_{1/2}']));
    expect(formulas.find((f) => f.alt === 'C(t) = C_0 \\, e^{-kt}' && f.placement === 'Block')).toBeDefined();
    expect(formulas.find((f) => f.alt === 'F \\approx 0.25')?.placement).toBe('Inline');
    expect(formulas.every((f) => f.alt && f.alt.length > 0)).toBe(true);
    expect(formulas.length).toBeGreaterThanOrEqual(20);
    expect(elements.filter((e) => e.type === 'Figure').map((e) => e.alt)).toEqual([
      'A falling concentration curve; at one half-life the level is half the starting value',
    ]);
  });

  it('is byte-identical across two builds, handouts and decks alike', () => {
    for (const audience of ['student', 'clinician'])
      for (const file of ['handout.pdf', 'slides.html', 'slides.md'])
        expect(
          readFileSync(out(dirs[0]!, audience, file)).equals(readFileSync(out(dirs[1]!, audience, file))),
          file,
        ).toBe(true);
  });
});

describe('math in the deck, in Chromium', () => {
  it('shows no raw TeX, centres display math, embeds the SVG image, and makes no request', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    const url = pathToFileURL(out(dirs[0]!, 'student', 'slides.html')).href;
    // The first slide with display math (the measured split decides which one that is).
    await page.goto(url);
    const slide = await page.evaluate(
      () =>
        [...document.querySelectorAll('.marpit > svg')].findIndex((s) => s.querySelector('.dh-math-display svg')) + 1,
    );
    expect(slide).toBeGreaterThan(0);
    await page.goto(`${url}#${slide}`);
    await page.reload();
    const deck = await page.evaluate(() => {
      const text = [...document.querySelectorAll('.marpit section')].map((s) => s.textContent).join(' ');
      const display = document.querySelector('.marpit > svg.dh-current .dh-math-display svg')!;
      const section = display.closest('section')!.getBoundingClientRect();
      const box = display.getBoundingClientRect();
      const img = document.querySelector<HTMLImageElement>('img[src^="data:image/svg+xml"]');
      return {
        text,
        formulas: document.querySelectorAll('.marpit section svg[role="img"]').length,
        labelled: document.querySelectorAll('.marpit section svg[aria-label]').length,
        centre: [box.left + box.width / 2 - section.left, section.width / 2],
        image: img && { alt: img.alt, width: img.naturalWidth },
      };
    });
    expect(deck.text).toContain(PRICE);
    expect(deck.text.replace(PRICE, '')).not.toMatch(/\$|\\frac|\\,|\\left|\\approx/);
    expect(deck.formulas).toBeGreaterThanOrEqual(15);
    expect(deck.labelled).toBe(deck.formulas);
    expect(Math.abs(deck.centre[0]! - deck.centre[1]!)).toBeLessThan(2);
    // The diagram beside its section's text: a background figure with the alt text as its caption.
    const image = await page.evaluate(async () => {
      const figure = [...document.querySelectorAll<HTMLElement>('figure')].find((f) =>
        f.style.backgroundImage.includes('data:image/svg+xml;base64,'),
      )!;
      const img = new Image();
      img.src = /url\("(.*)"\)/.exec(figure.style.backgroundImage)![1]!;
      await img.decode();
      return { alt: figure.querySelector('figcaption')?.textContent, width: img.naturalWidth };
    });
    expect(image).toEqual({
      alt: 'A falling concentration curve; at one half-life the level is half the starting value',
      width: 480,
    });
    expect(requests.filter((u) => !/^(file|data):/.test(u))).toEqual([]);
    await context.close();
  });
});
