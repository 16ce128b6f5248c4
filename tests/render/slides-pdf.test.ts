import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01T00:00:00Z
let dir: string;
beforeAll(async () => {
  dir = project('slides');
  const r = await runDeckhand(['build', '-f', 'slides', '-f', 'slides-pdf', '-a', 'patient,clinician'], dir, EPOCH);
  expect(r.code, r.stderr).toBe(0);
});

const pdf = (audience: string, out = 'output') => join(dir, out, 'deck', audience, 'slides.pdf');
const info = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });

describe('slides.pdf', () => {
  it('has one page per slide at the deck size, with the slide titles as text and links kept', async () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'output/manifest.json'), 'utf8'));
    for (const audience of ['patient', 'clinician']) {
      const slides = manifest.artifacts.find((a: { path: string }) => a.path === `deck/${audience}/slides.html`).pages;
      const meta = info(pdf(audience));
      expect(meta).toMatch(new RegExp(`Pages:\\s+${slides}\\n`));
      expect(meta).toMatch(/Page size:\s+960 x 540 pts/);
      const text = execFileSync('pdftotext', ['-layout', pdf(audience), '-'], { encoding: 'utf8' });
      for (const title of [
        'Why wounds need care',
        'What healing looks like',
        'Signs of infection',
        'Signs of infection (continued)',
        'The main message',
        'Words to know',
        'References',
      ]) {
        // The deckhand theme sets the main-message label in capitals (CSS text-transform): the PDF text follows.
        expect(text.toLowerCase(), title).toContain(title.toLowerCase());
      }
      expect(text.split('\f').filter((p) => p.trim()).length).toBe(slides);
    }
    expect(readFileSync(pdf('patient')).toString('latin1')).toContain('/URI (https://example.org/wounds)');
    expect(execFileSync('qpdf', ['--check', pdf('patient')], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors',
    );
  });

  it('carries SOURCE_DATE_EPOCH as its dates, and is byte-identical when built again', async () => {
    expect(info(pdf('patient'))).toMatch(/CreationDate:\s+Thu Jan\s+1 00:00:00 2026 UTC/);
    const r = await runDeckhand(['build', '-f', 'slides-pdf', '-a', 'patient', '-o', 'again'], dir, EPOCH);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(pdf('patient', 'again')).equals(readFileSync(pdf('patient')))).toBe(true);
  });

  it(
    'pdfEngine chromium without a browser: an error naming what to install, exit 1, the other ' +
      'formats still written',
    async () => {
      writeFileSync(join(dir, 'chromium.yaml'), 'slides: {pdfEngine: chromium}\n');
      const r = await runDeckhand(
        ['build', '-c', 'chromium.yaml', '-f', 'slides,slides-pdf', '-a', 'patient', '-o', 'nobrowser'],
        dir,
        { CHROME_PATH: join(dir, 'no-such-chrome') },
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('CHROME_PATH');
      expect(r.stderr).toMatch(/\[DH_RENDER\]\n\s+hint: .*Chromium/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, 'nobrowser/deck/patient/slides.html'))).toBe(true);
      expect(existsSync(join(dir, 'nobrowser/deck/patient/slides.pdf'))).toBe(false);
    },
  );
});
