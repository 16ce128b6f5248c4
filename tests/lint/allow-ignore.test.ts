import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { allowList } from '../../src/lint/allow.js';
import { project } from '../helpers/project.js';

async function lintTopic(yaml: string, config = 'audiences:\n  patient: {readingGrade: 6}\n', strict = false) {
  const dir = project(undefined, { 'content/t.yaml': yaml, 'deckhand.config.yaml': config });
  const r = await lint({ cwd: dir, strict });
  return { ...r, codes: (code: string) => r.diagnostics.filter((d) => d.code === code) };
}

// Each sentence has one long word a clinic's patients know: SMOG counts each as a polysyllable.
const CLINIC = [
  'Bring your pills to each appointment.',
  'Ask the pharmacist before you take aspirin.',
  'In an emergency, call us.',
  'Appointments are on Mondays.',
].join(' ');
const topic = (extra = '') =>
  `title: T\nsummary: See us soon.\nsections:\n  - title: Visits\n    body: ${CLINIC}\n${extra}`;

describe('lint.allow', () => {
  it('matches case-insensitively, in any inflection, each word of an entry', () => {
    const ok = allowList(['Appointment', 'blood thinner'], ['pharmacists']);
    for (const w of ['appointment', 'Appointments', "pharmacist's", 'PHARMACIST', 'thinners', 'blood-thinner'])
      expect(ok(w), w).toBe(true);
    for (const w of ['appoint', 'emergency', 'pharmacy-appointment-emergency']) expect(ok(w), w).toBe(false);
  });

  it('without it the words are uncommon and count as hard; with it (config or topic) they do not', async () => {
    const bare = await lintTopic(topic());
    expect(bare.codes('DH_UNCOMMON_WORD')[0]!.message).toContain('appointment, pharmacist, aspirin, emergency');
    const polys = bare.reports[0]!.sections[1]!.counts.polysyllables;
    expect(polys).toBe(5);

    const config = 'audiences:\n  patient: {readingGrade: 6}\nlint:\n  allow: [appointment, Pharmacist]\n';
    const topicAllow = 'lint:\n  allow: [aspirin, emergency]\n';
    const both = await lintTopic(topic(topicAllow), config);
    expect(both.codes('DH_UNCOMMON_WORD')).toEqual([]);
    const unit = both.reports[0]!.sections[1]!;
    expect(unit.counts.polysyllables).toBe(0);
    // An allowed word is still a word (sentence length), read as two syllables at most.
    expect(unit.counts.words).toBe(bare.reports[0]!.sections[1]!.counts.words);
    expect(unit.counts.syllables).toBeLessThan(bare.reports[0]!.sections[1]!.counts.syllables);

    const onlyConfig = await lintTopic(topic(), config);
    expect(onlyConfig.codes('DH_UNCOMMON_WORD')[0]!.message).toMatch(/: aspirin, emergency$/);
  });
});

describe('lint.ignore', () => {
  const long = `${Array.from({ length: 30 }, () => 'cat').join(' ')}.`;
  const twoSections = (ignore: string) =>
    `title: T\nsummary: See us soon.\nsections:\n  - id: one\n    title: One\n    body: ${long}\n` +
    `  - id: two\n    title: Two\n    body: ${long}\n${ignore}`;

  it('silences one finding where it occurs: its code in its section; the other section still warns', async () => {
    const r = await lintTopic(
      twoSections('lint:\n  ignore:\n    - {code: DH_LONG_SENTENCE, section: one, reason: a list read aloud}\n'),
    );
    expect(r.codes('DH_LONG_SENTENCE').map((d) => d.line)).toEqual([9]);
    expect(r.codes('DH_LINT_IGNORE')).toEqual([]);
  });

  it('without a section: the code in the whole topic; audience narrows it', async () => {
    const config = 'audiences:\n  patient: {readingGrade: 6}\n  carer: {readingGrade: 6}\n';
    const all = await lintTopic(twoSections('lint:\n  ignore: [{code: DH_LONG_SENTENCE}]\n'), config);
    expect(all.codes('DH_LONG_SENTENCE')).toEqual([]);
    const one = await lintTopic(twoSections('lint:\n  ignore: [{code: DH_LONG_SENTENCE, audience: carer}]\n'), config);
    expect(one.codes('DH_LONG_SENTENCE').map((d) => d.message.split(' for ')[1]!.split(' ')[0])).toEqual([
      'patient',
      'patient',
    ]);
  });

  it('an entry that silences nothing is a positioned warning (an error with --strict)', async () => {
    const yaml = twoSections(
      'lint:\n  ignore:\n    - {code: DH_LONG_SENTENCE}\n    - {code: DH_READABILITY, section: two}\n',
    );
    const r = await lintTopic(yaml);
    const [d, ...more] = r.codes('DH_LINT_IGNORE');
    expect(more).toEqual([]);
    expect(d).toMatchObject({ severity: 'warning', line: 13, col: 7 });
    expect(d!.message).toBe('lint.ignore entry DH_READABILITY in "two" silences nothing: no such finding');
    expect((await lintTopic(yaml, undefined, true)).codes('DH_LINT_IGNORE')[0]!.severity).toBe('error');
  });

  it('a code that is not one is a schema error at the entry', async () => {
    const r = await lintTopic(topic('lint:\n  ignore: [{code: long-sentence}]\n'));
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'DH_SCHEMA', line: 7 });
    expect(r.diagnostics[0]!.message).toContain('diagnostic code');
  });
});
