import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const validator = (schema: object) => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat('uri', true);
  return ajv.compile(schema);
};

describe('deckhand init: the editor files', () => {
  it('writes both schemas, VS Code settings, the modeline, .gitignore, and says how to build', async () => {
    const dir = project();
    const r = await runDeckhand(['init', 'talks'], dir);
    expect(r.code, r.stderr).toBe(0);
    const root = join(dir, 'talks');
    expect(r.stderr.trim().split('\n').at(-1)).toBe('next: cd talks && npx deckhand build');

    const settings = json(join(root, '.vscode/settings.json'));
    expect(settings['yaml.schemas']).toEqual({
      './deckhand.schema.json': ['content/**/*.{yaml,yml}'],
      './deckhand.config.schema.json': ['deckhand.config.yaml'],
    });
    expect(settings['json.schemas']).toEqual([{ fileMatch: ['content/**/*.json'], url: './deckhand.schema.json' }]);
    expect(json(join(root, '.vscode/extensions.json')).recommendations).toContain('redhat.vscode-yaml');
    expect(readFileSync(join(root, 'content/example.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../deckhand.schema.json',
    );
    expect(readFileSync(join(root, 'deckhand.config.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=deckhand.config.schema.json',
    );
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain('/output/');

    // The schemas describe what init wrote: the example and the config validate; the audiences are enumerated.
    const topicSchema = json(join(root, 'deckhand.schema.json'));
    const topic = validator(topicSchema);
    const example = parse(readFileSync(join(root, 'content/example.yaml'), 'utf8')) as Record<string, unknown>;
    expect(topic(example), JSON.stringify(topic.errors)).toBe(true);
    expect(
      validator(json(join(root, 'deckhand.config.schema.json')))(
        parse(readFileSync(join(root, 'deckhand.config.yaml'), 'utf8')),
      ),
    ).toBe(true);
    const sections = (
      topicSchema.properties as Record<
        string,
        { items: { properties: Record<string, { items?: { enum?: string[] } }> } }
      >
    ).sections;
    expect(sections!.items.properties.audience!.items!.enum).toEqual(['patient', 'student', 'clinician']);
    expect(topic({ ...example, subtitle: { default: 'x', clinican: 'y' } })).toBe(false);
    expect(topic({ ...example, sections: [{ title: 'a', audience: ['nurse'] }] })).toBe(false);

    // Run again: nothing the user owns is touched; the generated schemas are written again.
    const again = await runDeckhand(['init', 'talks'], dir);
    expect(again.stderr).toMatch(/^exists +talks\/\.vscode\/settings\.json \(left as it is\)$/m);
    expect(again.stderr).toMatch(/^updated +talks\/deckhand\.schema\.json$/m);
    expect(again.stderr).toMatch(/^exists +talks\/\.gitignore/m);
    expect(again.stderr).toMatch(/^next: cd talks && npx deckhand build$/m);
  });

  it('adds output/ to an existing .gitignore, and prints no cd for the current folder', async () => {
    const dir = project(undefined, { '.gitignore': 'node_modules' });
    const r = await runDeckhand(['init'], dir);
    expect(r.stderr).toMatch(/^updated +\.gitignore$/m);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules\n/output/\n');
    expect(r.stderr.trim().split('\n').at(-1)).toBe('next: npx deckhand build');
  });

  it('a folder name with spaces is quoted for the shell', async () => {
    const r = await runDeckhand(['init', 'my talks'], project());
    expect(r.stderr).toContain("next: cd 'my talks' && npx deckhand build");
  });
});

describe('deckhand schema', () => {
  it('--config prints the config schema; --project writes both with the project’s audiences', async () => {
    const dir = project(undefined, {
      'deckhand.config.yaml': 'audiences:\n  nurse: {label: Nurses}\n  family:\n',
    });
    const config = JSON.parse((await runDeckhand(['schema', '--config'], dir)).stdout) as Record<string, unknown>;
    expect(config.title).toBe('deckhand configuration');
    expect(Object.keys(config.properties as object)).toEqual(
      expect.arrayContaining(['content', 'audiences', 'slides']),
    );
    const r = await runDeckhand(['schema', '--project'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^wrote +deckhand\.schema\.json$/m);
    const topic = json(join(dir, 'deckhand.schema.json'));
    expect(JSON.stringify(topic)).toContain('"enum":["nurse","family"]');
    expect(JSON.stringify(topic)).toContain('The text for the Nurses (nurse) audience.');
    expect(existsSync(join(dir, 'deckhand.config.schema.json'))).toBe(true);
  });

  it('every topic fixture that builds validates against the printed schema', async () => {
    const validate = validator(JSON.parse((await runDeckhand(['schema'], project())).stdout) as object);
    const dirs = ['basic', 'release', 'handout', 'slides', 'math', 'pptx'];
    let checked = 0;
    for (const d of dirs)
      for (const f of readdirSync(join(FIXTURES, d, 'content')).filter((f) => /\.(ya?ml|json)$/.test(f))) {
        const data = parse(readFileSync(join(FIXTURES, d, 'content', f), 'utf8')) as unknown;
        expect(validate(data), `${d}/${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
        checked++;
      }
    expect(checked).toBeGreaterThan(8);
  });

  it('a JSON topic may carry "$schema"', async () => {
    const dir = project('basic');
    const topic = parse(readFileSync(join(dir, 'content/hand-hygiene.yaml'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(dir, 'content/hand-hygiene.json'),
      JSON.stringify({ $schema: '../deckhand.schema.json', ...topic }),
    );
    writeFileSync(join(dir, 'content/hand-hygiene.yaml'), '');
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'content/hand-hygiene.yaml'));
    const r = await runDeckhand(['build', '-f', 'slides'], dir);
    expect(r.code, r.stderr).toBe(0);
  });
});
