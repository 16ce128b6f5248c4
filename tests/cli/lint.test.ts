import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, REPO } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

const LONG =
  `title: T\nsummary: Wash your hands.\nsections:\n  - title: Long\n    body: ` +
  `${Array.from({ length: 30 }, () => 'cat').join(' ')}.\n`;

describe('deckhand lint', () => {
  it('the sample topic lints clean for every audience; the patient handout at SMOG ≤ 8 in every section', async () => {
    const r = await runDeckhand(['lint', '--strict', '--json'], REPO);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    expect(json.diagnostics).toEqual([]);
    // The English source, then its es-US translation (content/stem-cells-autoimmune.es-US.yaml).
    expect(json.reports.map((x: { audience: string }) => x.audience)).toEqual([
      ...['patient', 'student', 'clinician'],
      ...['patient', 'student', 'clinician'],
    ]);
    expect(json.reports.map((x: { lang: string }) => x.lang)).toEqual([
      ...Array(3).fill('en'),
      ...Array(3).fill('es-US'),
    ]);
    const spanish = json.reports[3];
    expect(spanish.total.scores.formula).toBe('es');
    expect(spanish.total.scores.smog, 'SOL').toBeLessThanOrEqual(8);
    expect(spanish.total.scores.fre, 'INFLESZ').toBeGreaterThanOrEqual(55);
    const patient = json.reports[0];
    expect(patient.target).toBe(8);
    for (const unit of [...patient.sections, patient.total]) expect(unit.scores.smog, unit.id).toBeLessThanOrEqual(8);
    expect(patient.total.scores.smallSample).toBe(false);
    for (const unit of [...json.reports[1].sections, json.reports[1].total])
      expect(unit.scores.smog, unit.id).toBeLessThanOrEqual(12);
  });

  it('prints a table: topic, audience, section, scores, status', async () => {
    const r = await runDeckhand(['lint'], REPO);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^topic\s+audience\s+lang\s+section\s+sentences\s+words\s+SMOG\s+FK\s+FRE\s+status$/);
    expect(lines[1]).toMatch(
      new RegExp(
        String.raw`^stem-cells-autoimmune\s+patient\s+en\s+\(summary\)\s+\d` +
          String.raw`+\s+\d+\s+\d+\.\d\*\s+-?\d+\.\d\s+-?\d+\.\d\s+ok \(≤ 8\)$`,
      ),
    );
    expect(r.stdout).toMatch(/\n\s+\(whole handout\)\s+\d+\s+\d+\s+\d+\.\d\s+/);
    expect(r.stdout).toMatch(/clinician.*report only/s);
    expect(r.stdout).toContain('* small sample');
    expect(r.stderr).toContain('no problems');
  });

  it('warnings exit 0; --strict makes them errors (exit 1); -a limits the audiences', async () => {
    const dir = project(undefined, { 'content/t.yaml': LONG });
    const r = await runDeckhand(['lint', '-a', 'patient'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('content/t.yaml:5:11  warning  sentence of 30 words for patient (limit 25)');
    expect(r.stderr).toContain('[DH_LONG_SENTENCE]');
    expect(r.stdout).not.toContain('student');
    const strict = await runDeckhand(['lint', '--strict', 'content/t.yaml'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('error  sentence of 30 words for patient, student');
  });

  it('-c: lint.readability: error in the config fails on a hard text', async () => {
    const dir = project(undefined, {
      'content/t.yaml':
        'title: T\nsummary: Hi.\nsections:\n  - title: Hard\n    body: Immunosuppressive medications necessitate ' +
        'comprehensive monitoring.\n',
      'ci.yaml': 'lint: {readability: error}\n',
    });
    expect((await runDeckhand(['lint'], dir)).code).toBe(0);
    const r = await runDeckhand(['lint', '-c', 'ci.yaml', '--json'], dir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(
      json.diagnostics
        .filter((d: { code: string }) => d.code === 'DH_READABILITY')
        .map((d: { severity: string }) => d.severity),
    ).toEqual(['error', 'error']);
  });

  it("a config with problems does not hide the topics' problems", async () => {
    const dir = project(undefined, { 'deckhand.config.yaml': 'lang: x\n', 'content/a.yaml': 'title: "A\n' });
    const r = await runDeckhand(['lint'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deckhand\.config\.yaml:1:\d+ +error/);
    expect(r.stderr).toContain('content/a.yaml:1:8');
  });

  it('every report and finding names its language (text and --json): a topic and its translation', async () => {
    const es = 'title: T\nsummary: Lávese las manos.\nsections:\n  - title: S\n    body: Tome una tablet daily.\n';
    const dir = project(undefined, {
      'content/t.yaml': LONG,
      'content/e.yaml': `lang: es-US\n${es}`,
      'deckhand.config.yaml': 'audiences:\n  patient: {readingGrade: 8}\n',
    });
    const json = JSON.parse((await runDeckhand(['lint', '--json'], dir)).stdout);
    expect(json.reports.map((r: { topic: string; lang: string }) => `${r.topic} ${r.lang}`)).toEqual([
      'e es-US',
      't en',
    ]);
    const langs = json.diagnostics.map((d: { code: string; lang: string }) => `${d.code} ${d.lang}`);
    expect(langs).toContain('DH_LONG_SENTENCE en');
    expect(langs).toContain('DH_ENGLISH_WORD es-US');
    const text = await runDeckhand(['lint'], dir);
    expect(text.stdout).toMatch(/^e\s+patient\s+es-US\s+\(summary\)/m);
    expect(text.stderr).toMatch(
      /content\/t\.yaml:5:11 {2}warning {2}sentence of 30 words .* \[DH_LONG_SENTENCE\] \(en\)$/m,
    );
    expect(text.stderr).toMatch(/content\/e\.yaml:\d+:\d+ {2}warning {2}English medication word .* \(es-US\)$/m);
  });

  it('usage errors exit 2', async () => {
    expect((await runDeckhand(['lint', '-a', 'patinet'], REPO)).code).toBe(2);
  });
});

describe('deckhand build reports lint findings', () => {
  it('warnings are printed (no table) and the build succeeds', async () => {
    const dir = project(undefined, { 'content/t.yaml': LONG });
    const r = await runDeckhand(['build', '-f', 'slides'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning  sentence of 30 words for patient, student (limit 25)');
    expect(r.stderr + r.stdout).not.toContain('(whole handout)');
    expect(existsSync(join(dir, 'output/t/patient/slides.md'))).toBe(true);
  });

  it('lint errors fail the build like other input errors: exit 1, nothing written', async () => {
    const dir = project(undefined, {
      'content/t.yaml':
        'title: T\nsummary: Hi.\nsections:\n  - title: Hard\n    body: Immunosuppressive medications necessitate ' +
        'comprehensive monitoring.\n',
      'deckhand.config.yaml': 'lint: {readability: error}\n',
    });
    const r = await runDeckhand(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[DH_READABILITY]');
    expect(existsSync(join(dir, 'output'))).toBe(false);
  });
});
