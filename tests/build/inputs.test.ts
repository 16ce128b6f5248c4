import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputsHasher } from '../../src/build/inputs.js';
import { loadConfig } from '../../src/config/load.js';
import { loadTopic } from '../../src/content/load.js';
import type { TemplateKind } from '../../src/templates/lookup.js';
import { project } from '../helpers/project.js';

const TOPIC = 'title: T\nsections:\n  - title: S\n    image: {src: images/a.png, alt: A dot}\n';
// The smallest valid PNG: 1×1, one grey pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
  'base64',
);

function makeProject(files: Record<string, string> = {}) {
  const dir = project(undefined, { 'content/t.yaml': TOPIC, 'content/images/.keep': '', ...files });
  writeFileSync(join(dir, 'content/images/a.png'), PNG);
  return dir;
}

/** The inputs hash of topic t for one audience and kind, as a fresh build of `dir` computes it. */
async function hash(dir: string, audience = 'patient', kind: TemplateKind = 'handout', version = '1.0.0') {
  const { config, diagnostics } = await loadConfig({ cwd: dir });
  expect(diagnostics).toEqual([]);
  const { topic, diagnostics: problems } = await loadTopic(join(dir, 'content/t.yaml'), config!);
  expect(problems).toEqual([]);
  return inputsHasher(config!, version)(topic!, audience, kind);
}

describe('inputsHasher: what an artifact came from', () => {
  it('is a sha256, the same for the same inputs, wherever the project is', async () => {
    const dir = makeProject({ 'deckhand.config.yaml': 'lang: de\n', 'templates/partials/x.hbs': 'x' });
    const moved = project();
    cpSync(dir, join(moved, 'elsewhere/deeper'), { recursive: true });
    const h = await hash(dir);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await hash(dir)).toBe(h);
    expect(await hash(join(moved, 'elsewhere/deeper'))).toBe(h);
  });

  it('changes with the version, the kind, the topic text, its slug and its images', async () => {
    const dir = makeProject();
    const h = await hash(dir);
    expect(await hash(dir, 'patient', 'handout', '1.0.1')).not.toBe(h);
    expect(await hash(dir, 'patient', 'slides')).not.toBe(h);

    const edited = makeProject({ 'content/t.yaml': TOPIC.replace('title: S', 'title: S2') });
    expect(await hash(edited)).not.toBe(h);
    const comment = makeProject({ 'content/t.yaml': TOPIC + '# a comment\n' });
    expect(await hash(comment)).not.toBe(h); // the file's text, not its data

    const image = makeProject();
    writeFileSync(join(image, 'content/images/a.png'), Buffer.concat([PNG, Buffer.from([0])]));
    expect(await hash(image)).not.toBe(h);

    const renamed = makeProject();
    cpSync(join(renamed, 'content/t.yaml'), join(renamed, 'content/u.yaml'));
    const { config } = await loadConfig({ cwd: renamed });
    const t = (await loadTopic(join(renamed, 'content/t.yaml'), config!)).topic!;
    const u = (await loadTopic(join(renamed, 'content/u.yaml'), config!)).topic!;
    const hasher = inputsHasher(config!, '1.0.0');
    expect(hasher(t, 'patient', 'handout')).toBe(h);
    expect(hasher(u, 'patient', 'handout')).not.toBe(h);
  });

  it('changes with the config file and with any partial, its name included', async () => {
    const h = await hash(makeProject());
    const configured = await hash(makeProject({ 'deckhand.config.yaml': 'lang: en\n' }));
    expect(configured).not.toBe(h);
    expect(await hash(makeProject({ 'deckhand.config.yaml': 'lang: en\n' }))).toBe(configured);
    expect(await hash(makeProject({ 'deckhand.config.yaml': 'lang: en \n' }))).not.toBe(configured);

    const partial = await hash(makeProject({ 'templates/partials/x.hbs': 'x' }));
    expect(partial).not.toBe(h);
    expect(await hash(makeProject({ 'templates/partials/y.hbs': 'x' }))).not.toBe(partial);
    expect(await hash(makeProject({ 'templates/partials/x.hbs': 'y' }))).not.toBe(partial);
    // Only .hbs files are partials.
    expect(await hash(makeProject({ 'templates/partials/notes.txt': 'x' }))).toBe(h);
  });

  it('changes with the template the audience uses, and only that one', async () => {
    const h = await hash(makeProject());
    const own = makeProject({ 'templates/patient/handout.md.hbs': '# {{md title}}\n' });
    expect(await hash(own, 'patient')).not.toBe(h);
    expect(await hash(own, 'student')).toBe(await hash(makeProject(), 'student'));
    // Another kind's template is no input of a handout.
    expect(await hash(makeProject({ 'templates/slides.md.hbs': 'x' }))).toBe(h);
  });

  it('a template that cannot be read hashes as such (the engine reports it later)', async () => {
    const folder = makeProject();
    cpSync(join(folder, 'content'), join(folder, 'templates/patient/handout.md.hbs'), { recursive: true });
    const h = await hash(folder, 'patient');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toBe(await hash(makeProject(), 'patient'));
  });
});
