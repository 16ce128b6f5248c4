// npm run gallery: the README's slide pictures (docs/gallery/*.png), from the sample topic as `npm start`
// builds it, in the deckhand theme and in deckhand-dark. Chromium (CHROME_PATH or /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'docs/gallery');
mkdirSync(OUT, { recursive: true });

function build(theme) {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-gallery-'));
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  writeFileSync(join(dir, 'deckhand.config.yaml'), `slides: {theme: ${theme}}\n`);
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'build', '-f', 'slides', '-q'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1764547200' },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return (audience) => pathToFileURL(join(dir, 'output/stem-cells-autoimmune', audience, 'slides.html')).href;
}

// Which slide each picture shows: found by what is on it, so the pictures follow the sample.
const SHOTS = [
  { file: 'title.png', theme: 'deckhand', audience: 'patient', find: (s) => s.classList.contains('title') },
  { file: 'points.png', theme: 'deckhand', audience: 'clinician', find: (s) => s.querySelectorAll('li').length >= 3 },
  { file: 'image.png', theme: 'deckhand', audience: 'patient', find: (s) => s.classList.contains('beside') },
  { file: 'table.png', theme: 'deckhand', audience: 'student', find: (s) => Boolean(s.querySelector('table')) },
  {
    file: 'main-message.png',
    theme: 'deckhand',
    audience: 'student',
    find: (s) => s.classList.contains('main-message'),
  },
  { file: 'dark.png', theme: 'deckhand-dark', audience: 'patient', find: (s) => s.classList.contains('beside') },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const decks = {};
for (const shot of SHOTS) {
  decks[shot.theme] ??= build(shot.theme);
  await page.goto(decks[shot.theme](shot.audience));
  const finder = shot.find.toString();
  const index = await page.evaluate((f) => {
    const find = eval(`(${f})`);
    return [...document.querySelectorAll('.marpit > svg')].findIndex((svg) =>
      [...svg.querySelectorAll('section')].some((s) => find(s)),
    );
  }, finder);
  if (index < 0) throw new Error(`no slide for ${shot.file}`);
  await page.goto(`${decks[shot.theme](shot.audience)}#${index + 1}`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(OUT, shot.file) });
  console.log(`docs/gallery/${shot.file}: ${shot.audience} slide ${index + 1} (${shot.theme})`);
}
await browser.close();
