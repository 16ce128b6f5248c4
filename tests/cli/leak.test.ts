import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FIXTURES, project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

/**
 * The leak guarantee: material filtered to other audiences never appears in an audience's outputs,
 * and speaker notes never appear in any handout. The fixture gives every audience-specific string and
 * every note a unique token (zq + owner + field), so a plain search of each output's text finds a leak.
 */
const AUDIENCES = ['patient', 'student', 'clinician'] as const;
const SOURCE = readFileSync(join(FIXTURES, 'leak/content/leak.yaml'), 'utf8');
const TOKENS = [...new Set(SOURCE.replace(/^#.*$/gm, '').match(/zq[a-z]+/g))];
const OUTPUTS = ['handout.pdf', 'notes.pdf', 'slides-handout.pdf', 'slides.html', 'slides.md', 'slides.pptx'];
/** The presenter's files hold the speaker notes by design; every handout (the slides one too) never does. */
const WITH_NOTES = (output: string) => output.startsWith('slides.') || output === 'notes.pdf';

function owners(token: string): { audiences: string[]; note: boolean } {
  const note = token.startsWith('zqn');
  const owner = token.slice(note ? 3 : 2);
  if (owner.startsWith('pat')) return { audiences: ['patient'], note };
  if (owner.startsWith('stu')) return { audiences: ['student'], note };
  if (owner.startsWith('cli')) return { audiences: ['clinician'], note };
  if (owner.startsWith('def')) return { audiences: ['student', 'clinician'], note }; // the `default` variant
  if (owner.startsWith('slides')) return { audiences: [...AUDIENCES], note };
  throw new Error(`unclassified token ${token}`);
}

/**
 * Everything a reader or a tool can get out of an output: an HTML or Markdown file as it is (hidden
 * elements, scripts and comments included); for a PDF its page text, its XMP metadata and every string
 * of its uncompressed objects (outline titles, figure alt text, document info).
 */
function outputText(path: string): string {
  // A .pptx: every part of the package as it is (slides, notes, layouts, document properties).
  if (path.endsWith('.pptx'))
    return Object.values(unzipSync(readFileSync(path)))
      .map((b) => new TextDecoder().decode(b))
      .join('\n')
      .toLowerCase();
  if (!path.endsWith('.pdf')) return readFileSync(path, 'utf8').toLowerCase();
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  const meta = execFileSync('pdfinfo', ['-meta', path], { encoding: 'utf8' });
  const objects = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-']).toString('latin1');
  return (text + meta + objects).toLowerCase();
}

describe('leak guarantee', async () => {
  const dir = project('leak');
  const r = await runDeckhand(
    ['build', '-f', 'slides', '-f', 'handout', '-f', 'pptx', '-f', 'notes', '-f', 'slides-handout'],
    dir,
  );

  it('builds every output of every audience', async () => {
    expect(r.code, r.stderr).toBe(0);
    for (const a of AUDIENCES) expect(readdirSync(join(dir, 'output/leak', a)).sort()).toEqual(OUTPUTS);
    expect(TOKENS.length).toBeGreaterThan(40);
  });

  for (const audience of AUDIENCES) {
    for (const output of OUTPUTS) {
      it(`${audience}/${output}: no other audience's material${WITH_NOTES(output) ? '' : ', no notes'}`, async () => {
        const text = outputText(join(dir, 'output/leak', audience, output));
        const short = audience.slice(0, 3);
        // the search works: this audience's own material is there
        expect(text).toContain(`zq${short}title`);
        expect(text).toContain(`zq${short}body`);
        if (WITH_NOTES(output)) expect(text).toContain(`zqn${short}`);
        expect(text).toContain(`zq${short}alt`);
        const leaks = TOKENS.filter((t) => {
          const o = owners(t);
          return (!o.audiences.includes(audience) || (o.note && !WITH_NOTES(output))) && text.includes(t);
        });
        expect(leaks).toEqual([]);
      });
    }
  }
});
