import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { project } from '../helpers/project.js';

// Templates are code, topics are data: data must never reach code, and templates come only from the
// project's templates folder and the built-ins. These run in-process, so a template that escaped
// Handlebars' sandbox would set a flag on this very process.
const g = globalThis as { __pwned?: unknown };
afterEach(() => {
  expect(g.__pwned).toBeUndefined();
});

async function buildWith(template: string, title = 'Topic') {
  const dir = project(undefined, {
    'content/topic.yaml':
      `title: ${JSON.stringify(title)}\nsummary: The main message.\nsections:\n  - title: ` +
      `First\n    points: [A point]\n`,
    'templates/slides.md.hbs': template,
  });
  const result = await build({ cwd: dir, formats: ['slides'], audiences: ['student'] });
  const slides = join(dir, 'output/topic/student/slides.md');
  return {
    result,
    errors: result.diagnostics.filter((d) => d.severity === 'error'),
    text: existsSync(slides) ? readFileSync(slides, 'utf8') : undefined,
  };
}

// The gadget behind Handlebars' past RCEs: reach Function through a string's constructor.
const GADGET = (name: string) => `{{#with "s" as |string|}}
  {{#with "e"}}
    {{#with split as |conslist|}}
      {{this.pop}}
      {{this.push (lookup string.sub ${name})}}
      {{this.pop}}
      {{#with string.split as |codelist|}}
        {{this.pop}}
        {{this.push "globalThis.__pwned = 1; return 1;"}}
        {{this.pop}}
        {{#each conslist}}
          {{#with (string.sub.apply 0 codelist)}}
            {{this}}
          {{/with}}
        {{/each}}
      {{/with}}
    {{/with}}
  {{/with}}
{{/with}}
`;

describe('Handlebars prototype access stays blocked', () => {
  it.each([
    ['a path through constructor', '# {{md title}}\n{{constructor.name}}\n', 2],
    ['__proto__', '# {{md title}}\n{{#with __proto__}}x{{/with}}\n', 2],
    ['lookup of "constructor"', '# {{md title}}\n{{lookup title "constructor"}}\n', 2],
    ["a string's constructor via block params", '{{#with "s" as |s|}}{{s.constructor.name}}{{/with}}\n', 1],
    ['the RCE gadget', GADGET('"constructor"'), 5],
  ])('%s: a positioned template error, nothing runs', async (_name, template, line) => {
    const { result, errors } = await buildWith(template);
    expect(result.ok).toBe(false);
    const blocked = errors.find((e) => /not accessible|does not exist|not defined/.test(e.message));
    expect(blocked, JSON.stringify(errors)).toMatchObject({
      code: 'DH_TEMPLATE',
      file: expect.stringMatching(/\/templates\/slides\.md\.hbs$/),
      line,
    });
  });

  it(
    'the gadget with "constructor" taken from the topic (no static check can see it): blocked at ' + 'run time',
    async () => {
      const { result, text } = await buildWith(`# {{md title}}\n${GADGET('@root.title')}`, 'constructor');
      // Handlebars denies the lookup: either an error at the template, or the gadget renders nothing.
      if (result.ok) expect(text).not.toMatch(/function|native code/);
      else
        expect(result.diagnostics.find((d) => d.severity === 'error')).toMatchObject({
          code: 'DH_TEMPLATE',
          file: expect.stringMatching(/\/templates\/slides\.md\.hbs$/),
        });
    },
  );

  it('data is never compiled: a topic full of template syntax renders as text', async () => {
    const { result, text } = await buildWith(
      '# {{md title}}\n',
      '{{#with "s" as |s|}}{{s.constructor}}{{/with}} {{> x}} {{{raw}}}',
    );
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    // Escaped for Markdown, never evaluated: no Handlebars runs on the output.
    expect(text).toContain('{{\\#with "s" as \\|s\\|}}{{s\\.constructor}}{{/with}} {{\\> x}} {{{raw}}}');
  });

  it('the inline-Markdown and formula helpers never compile data either', async () => {
    const { result, text } = await buildWith(
      '# {{mdMath title}}\n\n{{inline title}}\n',
      '{{#with "s" as |s|}}{{s.constructor}}{{/with}} {{> x}} **b** $x$',
    );
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    expect(text).toBe(
      '# {{\\#with "s" as \\|s\\|}}{{s\\.constructor}}{{/with}} {{\\> x}} \\*\\*b\\*\\* $x$\n\n' +
        '{{\\#with "s" as \\|s\\|}}{{s\\.constructor}}{{/with}} {{\\> x}} **b** $x$\n',
    );
  });
});

describe('templates come only from the templates folder and the built-ins', () => {
  it('a partial name with a path is just a missing partial (no file is read)', async () => {
    const { errors } = await buildWith('# {{md title}}\n{{> ../../../../etc/hostname}}\n');
    expect(errors[0]).toMatchObject({ code: 'DH_TEMPLATE', line: 2 });
    expect(errors[0]!.message).toContain('missing partial');
  });

  it('a partial named by the topic at run time: an error at the template, not a file read', async () => {
    const secret = project(undefined, { 'secret.hbs': 'SECRET-CONTENT' });
    const { result, errors, text } = await buildWith(
      '# {{md title}}\n{{> (lookup @root "title")}}\n',
      join(secret, 'secret'),
    );
    expect(result.ok).toBe(false);
    expect(errors[0]).toMatchObject({
      code: 'DH_TEMPLATE',
      file: expect.stringMatching(/\/templates\/slides\.md\.hbs$/),
      line: 2,
    });
    expect(text ?? '').not.toContain('SECRET-CONTENT');
  });

  it('an audience template folder is looked up by configured names only (which cannot hold a path)', async () => {
    const dir = project(undefined, {
      'content/topic.yaml': 'title: Topic\nsections:\n  - title: First\n',
      'deckhand.config.yaml': 'audiences:\n  "../../x": {label: Escape}\n',
    });
    const result = await build({ cwd: dir, formats: ['slides'] });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ code: 'DH_CONFIG', line: 2 });
  });

  it('a project partial shadows no built-in helper and cannot register one', async () => {
    const dir = project(undefined, {
      'content/topic.yaml': 'title: Topic\nsections:\n  - title: First\n',
      'templates/partials/md.hbs': 'PARTIAL-NOT-HELPER',
      'templates/slides.md.hbs': '# {{md title}}\n',
    });
    const result = await build({ cwd: dir, formats: ['slides'], audiences: ['student'] });
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    expect(readFileSync(join(dir, 'output/topic/student/slides.md'), 'utf8')).toBe('# Topic\n');
  });
});
