import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDeckhand } from '../helpers/run-cli.js';
import { REPO } from '../helpers/project.js';

// The sample's handouts, built as a user builds them: no last page holding only a few lines (the
// student and clinician handouts used to end on a page with a heading and one reference).

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

/** How far down the body text reaches on a page, as a fraction of the content area (1-inch margins). */
function filled(pdf: string, page: number): number {
  const xml = run('pdftotext', ['-bbox', '-f', `${page}`, '-l', `${page}`, pdf, '-']);
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(xml)![1]);
  const bottoms = [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
    .filter((m) => Number(m[1]) > 72 && Number(m[2]) < height - 72)
    .map((m) => Number(m[2]));
  return (Math.max(...bottoms) - 72) / (height - 144);
}

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'deckhand-pages-'));
  // The English sample only (its translations are checked by their own tests).
  cpSync(join(REPO, 'content'), join(dir, 'content'), {
    recursive: true,
    filter: (src) => !/\.[a-z]{2}(-[A-Z]{2})?\.yaml$/.test(src),
  });
  const r = await runDeckhand(['build', '-f', 'handout'], dir, { SOURCE_DATE_EPOCH: '1780000000' });
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

describe('pagination of the sample handouts', () => {
  it.each(['patient', 'student', 'clinician'])('the %s handout has no last page under a quarter full', (a) => {
    const pdf = join(dir, 'output/stem-cells-autoimmune', a, 'handout.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
    if (pages > 1) expect(filled(pdf, pages)).toBeGreaterThanOrEqual(0.25);
  });

  it('never ends a page on a heading', () => {
    for (const a of ['patient', 'student', 'clinician']) {
      const pdf = join(dir, 'output/stem-cells-autoimmune', a, 'handout.pdf');
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
      for (let p = 1; p < pages; p++) {
        const lines = run('pdftotext', ['-f', `${p}`, '-l', `${p}`, pdf, '-'])
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !/^Page \d+ of \d+$/.test(l) && !/does not replace/.test(l));
        const last = lines.at(-1)!;
        expect(['Words to know', 'References', 'What the evidence shows']).not.toContain(last);
      }
    }
  });
});
