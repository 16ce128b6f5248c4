import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

// `deckhand translate`, `--done`, `deckhand translations` and DH_TRANSLATION_STALE, on the fixture's
// English topic and its Spanish translation.
describe('deckhand translate / translations', () => {
  it('a new translation gets every id and the source text, and cannot build as if translated', async () => {
    const d = project('translations');
    const r = await runDeckhand(['translate', 'fever', '--lang', 'fr'], d);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(d, 'content/fever.fr.yaml'), 'utf8');
    expect(text).toContain('id: what-it-is');
    expect(text).toContain('id: when-to-call');
    expect(text).toContain('untranslated: true');
    expect(text).toContain('title: What a fever is');
    const build = await runDeckhand(['build', '-f', 'slides', '-l', 'fr'], d);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('section "what-it-is" (fever.yaml:6) has no fr translation');
    expect(build.stderr).toContain('[DH_TRANSLATION_MISSING]');
    const list = await runDeckhand(['translations'], d);
    expect(list.stdout).toMatch(/fever\s+es-US\s+complete/);
    expect(list.stdout).toMatch(/fever\s+fr\s+incomplete: \d+ untranslated/);
  });

  it('updating a translation adds the sections the source gained and keeps what is there', async () => {
    const d = project('translations');
    const src = join(d, 'content/fever.yaml');
    writeFileSync(
      src,
      readFileSync(src, 'utf8').replace('glossary:', '  - id: at-home\n    title: At home\n    body: Rest.\nglossary:'),
    );
    const r = await runDeckhand(['translate', 'fever', '-l', 'es-US'], d);
    expect(r.stderr).toContain('added "at-home" (untranslated)');
    const text = readFileSync(join(d, 'content/fever.es-US.yaml'), 'utf8');
    expect(text).toContain('translator: Ana Pérez'); // what the translator wrote stays
    expect(text).toMatch(/- id: at-home\n\s+untranslated: true\n\s+title: At home/);
  });

  it(
    '--done records the source; a later source edit is DH_TRANSLATION_STALE naming the section, an error with lint ' +
      '--strict',
    async () => {
      const d = project('translations');
      expect((await runDeckhand(['translate', '--done', 'content/fever.es-US.yaml'], d)).code).toBe(0);
      expect(readFileSync(join(d, 'content/fever.es-US.yaml'), 'utf8')).toMatch(/sourceHash: [0-9a-f]{12}/);
      let build = await runDeckhand(['build', '-f', 'slides'], d);
      expect(build.stderr).not.toContain('DH_TRANSLATION_STALE');
      const src = join(d, 'content/fever.yaml');
      writeFileSync(src, readFileSync(src, 'utf8').replace('Call if the fever', 'Call us if the fever'));
      build = await runDeckhand(['build', '-f', 'slides'], d);
      expect(build.code, build.stderr).toBe(0);
      expect(build.stderr).toMatch(
        new RegExp(
          String.raw`fever\.es-US\.yaml:\d+:\d+ {2}warning {2}section "when-to-call" changed i` +
            String.raw`n the source since it was translated to es-US {2}\[DH_TRANSLATION_STALE\]`,
        ),
      );
      expect((await runDeckhand(['translations'], d)).stdout).toMatch(/fever\s+es-US\s+stale: when-to-call/);
      const strict = await runDeckhand(['lint', '--strict'], d);
      expect(strict.code).toBe(1);
      expect(strict.stderr).toMatch(/error {2}section "when-to-call" changed in the source/);
    },
  );
});
