import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from '../helpers/browser.js';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

// handout.fonts end to end: a built-in chain (Atkinson Hyperlegible, then DejaVu Sans for what it lacks),
// the project's own TTF files, the deck taking the first family, and the same bytes on every build.

const EPOCH = { SOURCE_DATE_EPOCH: '1780000000' };
const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
const require = createRequire(import.meta.url);
const serif = (face: string) => require.resolve(`dejavu-fonts-ttf/ttf/DejaVuSerif${face}.ttf`);

const TOPIC = [
  'title: Taking warfarin',
  'summary: Take it at the same time each day → then write it down.',
  'sections:',
  '  - title: Each day',
  '    body: "Take **one tablet** at 6 pm. *Never* take two. INR 2 → 3 is the goal; α and β are Greek."',
  '',
].join('\n');

let browser: Browser | undefined;
afterAll(async () => browser?.close());

describe('a built-in chain: [Atkinson Hyperlegible, DejaVu Sans]', () => {
  let dir: string;
  let stderr: string;
  beforeAll(async () => {
    dir = project(undefined, {
      'content/warfarin.yaml': TOPIC,
      'deckhand.config.yaml': 'audiences:\n  patient: {}\nhandout:\n  fonts: [Atkinson Hyperlegible, DejaVu Sans]\n',
    });
    const r = await runDeckhand(['build', '-f', 'handout', '-f', 'slides'], dir, EPOCH);
    expect(r.code, r.stderr).toBe(0);
    stderr = r.stderr;
  }, 120_000);

  it('embeds Atkinson for the text and DejaVu Sans for the arrows and Greek it lacks; no glyph is missing', () => {
    const pdf = join(dir, 'output/warfarin/patient/handout.pdf');
    const fonts = run('pdffonts', [pdf]);
    for (const face of ['Regular', 'Bold', 'Italic'])
      expect(fonts).toMatch(new RegExp(`\\+AtkinsonHyperlegible-${face}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
    expect(fonts).toMatch(/\+DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toMatch(/Helvetica|Times/);
    const text = run('pdftotext', [pdf, '-']).replace(/\s+/g, ' ');
    expect(text).toContain('INR 2 → 3 is the goal; α and β are Greek.');
    expect(text).toContain('Take it at the same time each day → then write it down.');
    expect(stderr).not.toContain('DH_MISSING_GLYPH');
  });

  it('the deck embeds both families and shows its text in Atkinson Hyperlegible (Chromium)', async () => {
    const file = join(dir, 'output/warfarin/patient/slides.html');
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/@font-face\{font-family:"Atkinson Hyperlegible";font-weight:bold;/);
    expect(html).toMatch(/@font-face\{font-family:"DejaVu Sans";font-weight:normal;/);
    browser ??= await launch();
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(pathToFileURL(file).href);
    await page.evaluate(() => document.fonts.ready);
    const shown = await page.evaluate(() => {
      const p = [...document.querySelectorAll('section p')].find((e) => e.textContent?.includes('6 pm'))!;
      return {
        family: getComputedStyle(p).fontFamily,
        // A face the page really loaded (fonts.check() is true for a family no rule declares).
        loaded: [...document.fonts].some(
          (f) => f.family.replace(/"/g, '') === 'Atkinson Hyperlegible' && f.status === 'loaded',
        ),
      };
    });
    expect(shown.family).toMatch(/^"Atkinson Hyperlegible", "DejaVu Sans"/);
    expect(shown.loaded).toBe(true);
    await page.close();
  }, 60_000);

  it('is the same bytes on every build', async () => {
    const first = ['handout.pdf', 'slides.html'].map((f) => readFileSync(join(dir, 'output/warfarin/patient', f)));
    const again = await runDeckhand(['build', '-f', 'handout', '-f', 'slides', '-o', 'again'], dir, EPOCH);
    expect(again.code, again.stderr).toBe(0);
    const second = ['handout.pdf', 'slides.html'].map((f) => readFileSync(join(dir, 'again/warfarin/patient', f)));
    expect(second[0]!.equals(first[0]!)).toBe(true);
    expect(second[1]!.equals(first[1]!)).toBe(true);
  }, 120_000);
});

describe("the project's own font files", () => {
  it(
    'are embedded (bold from its own file, the italic it lacks from the regular one) and used by ' + 'the deck',
    async () => {
      const dir = project(undefined, {
        'content/warfarin.yaml': TOPIC,
        'deckhand.config.yaml': [
          'audiences:\n  patient: {}',
          'handout:',
          '  fonts:',
          '    - {name: Clinic Serif, regular: fonts/ClinicSerif.ttf, bold: fonts/ClinicSerif-Bold.ttf}',
          '',
        ].join('\n'),
      });
      mkdirSync(join(dir, 'fonts'));
      copyFileSync(serif(''), join(dir, 'fonts/ClinicSerif.ttf'));
      copyFileSync(serif('-Bold'), join(dir, 'fonts/ClinicSerif-Bold.ttf'));
      const r = await runDeckhand(['build', '-f', 'handout', '-f', 'slides'], dir, EPOCH);
      expect(r.code, r.stderr).toBe(0);
      const fonts = run('pdffonts', [join(dir, 'output/warfarin/patient/handout.pdf')]);
      expect(fonts).toMatch(/\+DejaVuSerif\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      expect(fonts).toMatch(/\+DejaVuSerif-Bold\s/);
      expect(fonts).not.toMatch(/Italic|Oblique/);
      const html = readFileSync(join(dir, 'output/warfarin/patient/slides.html'), 'utf8');
      expect(html).toMatch(/@font-face\{font-family:"Clinic Serif";font-weight:normal;font-style:normal;/);
      expect(html).toContain('{font-family:"Clinic Serif","DejaVu Sans",sans-serif !important}');
      expect(r.stderr).not.toContain('DH_MISSING_GLYPH');
    },
    120_000,
  );
});
