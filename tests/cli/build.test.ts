import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Marp } from '@marp-team/marp-core';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

describe('deckhand build', () => {
  it('writes the output layout for every audience', async () => {
    const dir = project('basic');
    const r = await runDeckhand(['build'], dir);
    expect(r.code, r.stderr).toBe(0);
    for (const a of ['patient', 'student', 'clinician']) {
      expect(existsSync(join(dir, 'output/hand-hygiene', a, 'slides.md'))).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(dir, 'output/manifest.json'), 'utf8')).artifacts.length).toBeGreaterThanOrEqual(
      3,
    );
  });

  it('writes valid Marp markdown with notes as comments and filtered material absent', async () => {
    const dir = project('basic');
    await runDeckhand(['build', '-f', 'slides'], dir);
    const patient = readFileSync(join(dir, 'output/hand-hygiene/patient/slides.md'), 'utf8');
    const clinician = readFileSync(join(dir, 'output/hand-hygiene/clinician/slides.md'), 'utf8');
    expect(patient).toMatch(/^---\nmarp: true\n/);
    expect(patient).toContain('<!--\nSPEAKER-NOTE-ONE ask the room.\n-->');
    expect(patient).not.toContain('CLINICIAN-ONLY');
    expect(clinician).toContain('CLINICIAN-ONLY-POINT');
    expect(clinician).toContain('CLINICIAN-ONLY-SECTION');
    const { comments, html } = new Marp().render(patient);
    expect(comments.flat()).toContain('SPEAKER-NOTE-ONE ask the room.');
    expect(html).toContain('Hand hygiene');
  });

  it('builds only the audiences and formats asked for', async () => {
    const dir = project('basic');
    const r = await runDeckhand(['build', '-a', 'patient', '--audience', 'student', '-f', 'slides', '-o', 'out'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out/hand-hygiene')).sort()).toEqual(['patient', 'student']);
    expect(readdirSync(join(dir, 'out/hand-hygiene/patient')).sort()).toEqual(['slides.html', 'slides.md']);
  });

  it('a misspelt audience in a topic: positioned error, exit 1, nothing written', async () => {
    const dir = project('misspelt-audience');
    const r = await runDeckhand(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'content/topic.yaml:5:30  error  unknown audience "patinet" — did you mean "patient"?  [DH_UNKNOWN_AUDIENCE]',
    );
    expect(r.stderr).toContain('hint:');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'output'))).toBe(false);
  });

  it('a config audiences map replaces the default set', async () => {
    const dir = project('custom-audiences');
    const r = await runDeckhand(['build', '-f', 'slides'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'build/t')).sort()).toEqual(['expert', 'novice']);
    expect(readFileSync(join(dir, 'build/t/novice/slides.md'), 'utf8')).toContain('# Easy');
    expect(readFileSync(join(dir, 'build/t/expert/slides.md'), 'utf8')).toContain('Experts');
  });

  it('usage errors exit 2: unknown format, unknown -a audience, bad SOURCE_DATE_EPOCH, unknown command', async () => {
    const dir = project('basic');
    expect(await runDeckhand(['build', '-f', 'pfd'], dir)).toMatchObject({ code: 2 });
    const a = await runDeckhand(['build', '-a', 'studnet'], dir);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('did you mean "student"');
    expect((await runDeckhand(['build'], dir, { SOURCE_DATE_EPOCH: 'yesterday' })).code).toBe(2);
    expect((await runDeckhand(['bild'], dir)).code).toBe(2);
    expect(existsSync(join(dir, 'output'))).toBe(false);
  });

  it('--json prints the result on stdout', async () => {
    const dir = project('basic');
    const r = await runDeckhand(['build', '--json', '-f', 'slides'], dir);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    expect(json.artifacts.map((a: { path: string }) => a.path)).toContain('hand-hygiene/patient/slides.md');
  });

  it('reports all problems of a run at once, across files', async () => {
    const dir = project(undefined, {
      'content/a.yaml': 'title: A\nsections:\n  - title: x\n    audience: [nobody]\n',
      'content/b.yaml': 'title: B\nsections: []\n',
      'content/c.yaml': 'title: "C\n',
    });
    const r = await runDeckhand(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/a.yaml:4:16');
    expect(r.stderr).toContain('content/b.yaml:2:11');
    expect(r.stderr).toContain('content/c.yaml:1:8');
    expect(r.stderr).toContain('3 errors');
  });

  it("a config with problems does not hide the topics' problems", async () => {
    const dir = project(undefined, {
      'deckhand.config.yaml': 'content: topics\nslides:\n  size: "5:3"\n',
      'topics/a.yaml': 'title: A\nsections:\n  - title: x\n    audience: [nobody]\n',
      'topics/b.yaml': 'title: "B\n',
    });
    const r = await runDeckhand(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deckhand\.config\.yaml:3:\d+ +error/);
    expect(r.stderr).toMatch(/topics\/a\.yaml:4:16 +error +unknown audience "nobody"/);
    expect(r.stderr).toContain('topics/b.yaml:1:8');
    expect(r.stderr).toContain('3 errors');
    expect(existsSync(join(dir, 'output'))).toBe(false);
  });

  it('…but audience names are not checked against audiences the config failed to give', async () => {
    const dir = project(undefined, {
      'deckhand.config.yaml': 'audiences:\n  kids: {fontSize: 99}\n',
      'content/a.yaml': 'title: A\nsections:\n  - title: x\n    audience: [kids]\n  - title: y\n    bogus: 1\n',
    });
    const r = await runDeckhand(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deckhand\.config\.yaml:2:\d+ +error/);
    expect(r.stderr).toMatch(/content\/a\.yaml:6:5 +error/);
    expect(r.stderr).not.toContain('"kids"');
  });

  it('a template error names the template line; exit 1', async () => {
    const dir = project('basic', {
      'templates/slides.md.hbs': '# {{md title}}\n\n{{#each sections}}\n## {{md titel}}\n{{/each}}\n',
    });
    const r = await runDeckhand(['build', '-f', 'slides'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/slides.md.hbs:4:');
    expect(r.stderr).toContain('a field that does not exist');
  });
});

describe('deckhand schema and init', () => {
  it('prints a JSON Schema', async () => {
    const r = await runDeckhand(['schema'], project());
    const schema = JSON.parse(r.stdout);
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'sections']));
  });
  it('init scaffolds a project that builds', async () => {
    const dir = project();
    expect((await runDeckhand(['init', 'p'], dir)).code).toBe(0);
    const r = await runDeckhand(['build', '-f', 'slides'], join(dir, 'p'));
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'p/output/example/patient/slides.md'))).toBe(true);
    expect((await runDeckhand(['init', 'p'], dir)).stderr).toContain('left as it is');
  });
});
