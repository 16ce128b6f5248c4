import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, REPO } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

const builtin = (kind: string) => readFileSync(join(REPO, 'templates', `${kind}.md.hbs`), 'utf8');
const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/** Height of the first occurrence of a word on the page (pdftotext -bbox): proportional to its font size. */
function wordHeight(path: string, word: string): number {
  const bbox = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  const m = new RegExp(`yMin="([\\d.]+)" xMax="[\\d.]+" yMax="([\\d.]+)">${word}<`).exec(bbox);
  if (!m) throw new Error(`${word} not in ${path}`);
  return Number(m[2]) - Number(m[1]);
}

describe('audience settings reach both outputs', async () => {
  const dir = project(undefined, {
    'deckhand.config.yaml':
      'audiences:\n  big: {label: Label zqbig, fontSize: 16, theme: gaia, readingGrade: 6}\n  small: {label: Label ' +
      'zqsmall, fontSize: 10, theme: uncover}\n',
    'content/t.yaml':
      'title: Hands\nsummary: Wash your hands.\nsections:\n  - title: Why\n    body: Soap works well on hands.\n',
    // templates per audience: a deck template for "big", a handout template for "small"
    'templates/big/slides.md.hbs': builtin('slides') + '\n---\n\nDeck template zqbigtpl\n',
    'templates/small/handout.md.hbs': builtin('handout') + '\nHandout template zqsmalltpl\n',
  });
  const r = await runDeckhand(['build'], dir);
  const out = (audience: string, file: string) => join(dir, 'output/t', audience, file);
  const read = (audience: string, file: string) =>
    file.endsWith('.pdf') ? pdfText(out(audience, file)) : readFileSync(out(audience, file), 'utf8');

  it('label: on the title slide and in the handout title block', async () => {
    expect(r.code, r.stderr).toBe(0);
    for (const [a, other] of [
      ['big', 'small'],
      ['small', 'big'],
    ] as const) {
      for (const file of ['slides.md', 'slides.html', 'handout.pdf']) {
        expect(read(a, file), `${a}/${file}`).toContain(`Label zq${a}`);
        expect(read(a, file), `${a}/${file}`).not.toContain(`zq${other}`);
      }
    }
  });

  it('theme: the deck of each audience', async () => {
    expect(read('big', 'slides.md')).toContain('theme: "gaia"');
    expect(read('small', 'slides.md')).toContain('theme: "uncover"');
    expect(read('big', 'slides.html')).toContain('data-theme="gaia"');
    expect(read('small', 'slides.html')).toContain('data-theme="uncover"');
  });

  it('fontSize: the handout body', async () => {
    expect(wordHeight(out('big', 'handout.pdf'), 'Soap') / wordHeight(out('small', 'handout.pdf'), 'Soap')).toBeCloseTo(
      16 / 10,
      2,
    );
  });

  it('templates per audience: each output kind of each audience', async () => {
    expect(read('big', 'slides.html')).toContain('Deck template zqbigtpl');
    expect(read('small', 'handout.pdf')).toContain('Handout template zqsmalltpl');
    expect(read('small', 'slides.html')).not.toContain('zqbigtpl');
    expect(read('big', 'handout.pdf')).not.toContain('zqsmalltpl');
  });

  it('readingGrade: the lint target', async () => {
    const lint = await runDeckhand(['lint'], dir);
    expect(lint.stdout).toMatch(/big\s+en\s+\(summary\).*ok \(≤ 6\)/);
    expect(lint.stdout).toMatch(/small\s+en\s+\(summary\).*report only/);
  });
});
