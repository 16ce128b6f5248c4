import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { project } from '../helpers/project.js';

// 1×1 PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Lints one topic (YAML text) in a fresh project; returns the diagnostics and reports. */
async function lintTopic(yaml: string, opts: { config?: string; strict?: boolean; audiences?: string[] } = {}) {
  const dir = project(undefined, {
    'content/t.yaml': yaml,
    ...(opts.config ? { 'deckhand.config.yaml': opts.config } : {}),
  });
  writeFileSync(join(dir, 'content/pic.png'), PNG);
  const r = await lint({
    cwd: dir,
    ...(opts.strict ? { strict: true } : {}),
    ...(opts.audiences ? { audiences: opts.audiences } : {}),
  });
  const codes = (code: string) => r.diagnostics.filter((d) => d.code === code);
  return { ...r, codes };
}

const SIMPLE =
  'summary: Wash your hands.\nsections:\n  - title: Clean hands\n    body: Wash your hands with soap. Dry them well.\n';
const topicWith = (section: string, extra = '') =>
  `title: T\nsummary: Wash your hands.\nsections:\n  - title: S\n${section}${extra}`;

describe('lint: readability against the reading grade', () => {
  const hard = topicWith(
    '    body: Immunosuppressive medications necessitate comprehensive laboratory monitoring. Mesenchymal stem cells ' +
      'demonstrate immunomodulatory capabilities. Cats sit.\n',
  );

  it('above the target: a warning naming the section and its hardest sentences, positioned at the text', async () => {
    const r = await lintTopic(hard, { audiences: ['patient'] });
    const [d, ...more] = r.codes('DH_READABILITY');
    expect(more).toEqual([]);
    expect(d).toMatchObject({
      severity: 'warning',
      file: expect.stringMatching(/\/content\/t\.yaml$/),
      line: 5,
      col: 11,
    });
    expect(d!.message).toMatch(
      new RegExp(
        String.raw`^"S" reads at SMOG \d+\.\d \(FK \d+\.\d, small sample of 3 sentences\) for patient, above ` +
          String.raw`reading grade 8; hardest: "Immunosuppressive medications necessitate comprehensive ` +
          String.raw`laboratory…" \(6 long words\), "Mesenchymal stem cells demonstrate immunomodulatory ` +
          String.raw`capabilities\." \(4 long words\)$`,
      ),
    );
    expect(d!.hint).toContain('immunosuppressive');
    expect(r.ok).toBe(true);
  });

  it('an error with --strict or with lint.readability: error', async () => {
    expect((await lintTopic(hard, { strict: true, audiences: ['patient'] })).codes('DH_READABILITY')[0]!.severity).toBe(
      'error',
    );
    const r = await lintTopic(hard, { config: 'lint: {readability: error}\n' });
    expect(r.codes('DH_READABILITY').map((d) => d.severity)).toEqual(['error', 'error']);
    expect(r.ok).toBe(false);
  });

  it('not for an audience without a reading grade, nor for text within the target', async () => {
    expect((await lintTopic(hard, { audiences: ['clinician'] })).diagnostics).toEqual([]);
    expect((await lintTopic(SIMPLE.replace(/^/, 'title: T\n'))).diagnostics).toEqual([]);
  });

  it('reports exact scores per section and for the whole handout', async () => {
    const r = await lintTopic(hard, { audiences: ['patient', 'clinician'] });
    const patient = r.reports.find((x) => x.audience === 'patient')!;
    expect(patient.target).toBe(8);
    expect(patient.sections.map((s) => [s.id, s.status])).toEqual([
      ['(summary)', 'ok'],
      ['s', 'above-target'],
    ]);
    // Immunosuppressive(6) medications(4) necessitate(4) comprehensive(4) laboratory(5) monitoring(4): 6 polysyllables
    // Mesenchymal(4) stem cells demonstrate(3) immunomodulatory(8) capabilities(5): 4; Cats sit: 0 → 10 in 3 sentences
    expect(patient.sections[1]!.counts).toMatchObject({ sentences: 3, polysyllables: 10 });
    expect(patient.sections[1]!.scores.smog).toBeCloseTo(1.043 * Math.sqrt((10 * 30) / 3) + 3.1291, 12);
    expect(patient.total.counts.sentences).toBe(4);
    expect(r.reports.find((x) => x.audience === 'clinician')!.total.status).toBe('no-target');
  });
});

describe('lint: plain language', () => {
  const words = (n: number) => Array.from({ length: n }, () => 'cat').join(' ');

  it('a sentence over 25 words warns, 25 does not', async () => {
    const r = await lintTopic(topicWith(`    points:\n      - ${words(26)}.\n      - ${words(25)}.\n`));
    expect(r.codes('DH_LONG_SENTENCE')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 6,
        col: 9,
        message: expect.stringMatching(/^sentence of 26 words for patient, student \(limit 25\): "cat cat/),
      }),
    ]);
  });

  it('a list over 7 items warns (points and Markdown lists), 7 does not', async () => {
    const points = (n: number) => Array.from({ length: n }, (_, i) => `      - Item ${i}\n`).join('');
    expect((await lintTopic(topicWith(`    points:\n${points(8)}`))).codes('DH_LONG_LIST')).toEqual([
      expect.objectContaining({ line: 6, message: 'list of 8 items in "S" for patient, student (limit 7)' }),
    ]);
    expect((await lintTopic(topicWith(`    points:\n${points(7)}`))).codes('DH_LONG_LIST')).toEqual([]);
    const md = Array.from({ length: 8 }, (_, i) => `      - item ${i}`).join('\n');
    expect((await lintTopic(topicWith(`    body: |\n      Steps:\n\n${md}\n`))).codes('DH_LONG_LIST')).toHaveLength(1);
  });

  it(
    'uncommon long words warn, listed once per handout; familiar, inflected, defined or ' + 'explained words do not',
    async () => {
      const r = await lintTopic(
        topicWith(
          '    body: Your physician prescribes immunosuppressive tablets. The physician’s physicians helped. Doctors ' +
            'remember families. Ask about rheumatoid arthritis (a joint disease), rheumatoid arthritis. The ' +
            'nephrologist is here.\n',
          'glossary:\n  - {term: nephrologist, definition: A kidney doctor.}\n',
        ),
        { audiences: ['patient'] },
      );
      expect(r.codes('DH_UNCOMMON_WORD')).toEqual([
        expect.objectContaining({
          severity: 'warning',
          message: 'uncommon words for patient in "S": physician, immunosuppressive',
        }),
      ]);
    },
  );

  it('the threshold rises with the reading grade: grade 12 flags only very long words', async () => {
    const r = await lintTopic(topicWith('    body: Your physician prescribes immunosuppressive tablets.\n'), {
      audiences: ['student'],
    });
    expect(r.codes('DH_UNCOMMON_WORD').map((d) => d.message)).toEqual([
      'uncommon words for student in "S": immunosuppressive',
    ]);
  });

  it('a missing summary warns for audiences with a reading grade only', async () => {
    const r = await lintTopic('title: T\nsections:\n  - title: S\n    body: Wash.\n');
    expect(r.codes('DH_MISSING_SUMMARY')).toEqual([
      expect.objectContaining({ severity: 'warning', line: 1, col: 1, message: 'no summary for patient, student' }),
    ]);
    expect((await lintTopic(`title: T\n${SIMPLE}`)).codes('DH_MISSING_SUMMARY')).toEqual([]);
  });

  it('notes are never linted', async () => {
    const r = await lintTopic(topicWith(`    body: Wash.\n    notes: ${words(40)}. Immunosuppressive nephrologist.\n`));
    expect(r.diagnostics).toEqual([]);
  });

  it('--strict turns every lint warning into an error', async () => {
    const r = await lintTopic(topicWith(`    body: ${words(30)}.\n`), { strict: true });
    expect(r.codes('DH_LONG_SENTENCE')[0]!.severity).toBe('error');
    expect(r.ok).toBe(false);
  });
});

describe('lint: image alt text (every audience)', () => {
  const img = (alt: string) => topicWith(`    body: Wash.\n    image: {src: pic.png, alt: ${alt}}\n`);

  it('empty or blank alt text is an error for every audience', async () => {
    for (const alt of ['""', '"   "']) {
      const r = await lintTopic(img(alt));
      expect(r.ok).toBe(false);
      expect(r.codes('DH_IMAGE_ALT').map((d) => [d.severity, d.line, d.message])).toEqual([
        ['error', 6, 'image has no alt text for audience "patient"'],
        ['error', 6, 'image has no alt text for audience "student"'],
        ['error', 6, 'image has no alt text for audience "clinician"'],
      ]);
    }
  });

  it('alt text missing for one audience only is an error for that audience', async () => {
    const r = await lintTopic(img('{patient: Hands under a tap}'));
    expect(r.codes('DH_IMAGE_ALT').map((d) => d.message)).toEqual([
      'image has no alt text for audience "student"',
      'image has no alt text for audience "clinician"',
    ]);
  });

  it('a placeholder or the file name is no description', async () => {
    for (const alt of ['image', 'Photo 2', 'pic.png', 'pic']) {
      const r = await lintTopic(img(alt));
      expect(r.codes('DH_IMAGE_ALT')).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: `alt text "${alt}" does not describe the image for patient, student, clinician`,
        }),
      ]);
    }
  });

  it('real alt text passes', async () => {
    expect((await lintTopic(img('Hands washed under a running tap'))).diagnostics).toEqual([]);
  });
});
