import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotations, escapeData, escapeProperty } from '../../src/cli/github-annotations.js';
import { error, warning } from '../../src/errors/diagnostic.js';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const lines = (s: string) => s.split('\n').filter(Boolean);

describe('GitHub workflow commands', () => {
  it('escape as the runner decodes them: %, CR, LF in the message; also : and , in a property', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\a,b%\n')).toBe('C%3A\\a%2Cb%25%0A');
  });

  it('one command per diagnostic, sorted, with file relative to the checkout, line, col, title and the hint', () => {
    const ws = '/ws';
    const cmds = annotations(
      [
        warning('DH_READABILITY', 'grade 11, target 8', { file: '/ws/site/content/b.yaml', line: 4, col: 3 }),
        error('DH_UNKNOWN_KEY', 'unknown key "titel" — did you mean "title"?', {
          file: '/ws/site/content/a,1.yaml',
          line: 2,
          col: 1,
          hint: 'allowed here: title, sections\n(see the schema)',
        }),
        error('DH_CONFIG', '50% of nothing', {}),
      ],
      '/ws/site',
      ws,
    );
    expect(cmds).toEqual([
      '::error title=deckhand DH_CONFIG::50%25 of nothing',
      '::error file=site/content/a%2C1.yaml,line=2,col=1,title=deckhand DH_UNKNOWN_KEY::unknown key "titel" — did ' +
        'you mean "title"?%0Ahint: allowed here: title, sections%0A(see the schema)',
      '::warning file=site/content/b.yaml,line=4,col=3,title=deckhand DH_READABILITY::grade 11, target 8',
    ]);
    // Without GITHUB_WORKSPACE: relative to the working directory.
    expect(annotations([error('X', 'm', { file: '/p/c/t.yaml', line: 1 })], '/p')).toEqual([
      '::error file=c/t.yaml,line=1,col=1,title=deckhand X::m',
    ]);
  });
});

describe('deckhand build --reporter github', () => {
  it('prints errors as annotations on stdout at their position; the count stays on stderr', async () => {
    const dir = project('basic');
    const topic = join(dir, 'content/hand-hygiene.yaml');
    writeFileSync(topic, 'title: Hands\nsubtitel: Why\nsections:\n  - title: Why\n    audience: [patinet]\n');
    // deckhand runs in a subfolder of the checkout: the annotation's path starts at the checkout.
    const r = await runDeckhand(['build', '--reporter', 'github'], dir, { GITHUB_WORKSPACE: dirname(dir) });
    const at = `${basename(dir)}/content/hand-hygiene.yaml`;
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out[0]).toMatch(
      new RegExp(
        `^::error file=${at},line=2,col=1,title=deckhand DH_UNKNOWN_KEY::unknown key "subtitel".*did you mean ` +
          `"subtitle"\\?%0Ahint: `,
      ),
    );
    expect(out[1]).toMatch(
      new RegExp(`^::error file=${at},line=5,col=16,title=deckhand DH_UNKNOWN_AUDIENCE::unknown audience "patinet"`),
    );
    expect(out.every((l) => l.startsWith('::error '))).toBe(true);
    expect(r.stderr).toMatch(/^\d+ errors?, 0 warnings$/m);
    expect(r.stderr).not.toContain('::error');
  });

  it('with --json is a usage error (both want stdout)', async () => {
    const r = await runDeckhand(['build', '--reporter', 'github', '--json'], project('basic'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--reporter github and --json');
  });
});

describe('deckhand build --check output', () => {
  it(
    'lists only stale and missing artifacts, then one summary line (and an annotation with ' + '--reporter github)',
    async () => {
      const dir = project('release');
      // Clinicians get no reading-level warnings: the output is the check's alone.
      expect((await runDeckhand(['build', '-a', 'clinician'], dir, EPOCH)).code).toBe(0);
      const clean = await runDeckhand(['build', '--check', '-a', 'clinician'], dir, EPOCH);
      expect(clean.code).toBe(0);
      expect(lines(clean.stderr)).toEqual([
        expect.stringMatching(/^checked (\d+) artifacts \(\1 current\) for \d+ topics/),
      ]);

      writeFileSync(join(dir, 'output/asthma/clinician/slides.md'), 'edited\n');
      const r = await runDeckhand(['build', '--check', '-a', 'clinician', '--reporter', 'github'], dir, EPOCH);
      expect(r.code).toBe(1);
      expect(lines(r.stderr)).toEqual([
        expect.stringMatching(/^stale +asthma\/clinician\/slides\.md$/),
        expect.stringMatching(
          /^1 of \d+ artifacts out of date \(1 stale, 0 missing\) in \d+ topics: run "deckhand build"/,
        ),
      ]);
      expect(lines(r.stdout)).toEqual([
        expect.stringMatching(/^::error title=deckhand build --check::1 of \d+ artifacts out of date/),
      ]);
    },
  );
});
