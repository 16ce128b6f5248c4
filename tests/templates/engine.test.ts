import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTemplateEngine, templateEngines } from '../../src/templates/engine.js';
import { templatePath } from '../../src/templates/lookup.js';
import { BUILTIN_TEMPLATES } from '../../src/paths.js';
import { project } from '../helpers/project.js';

describe('template lookup order', () => {
  it('audience folder, then the project, then the built-in', () => {
    const dir = project(undefined, { 'templates/patient/slides.md.hbs': 'A', 'templates/slides.md.hbs': 'B' });
    const t = join(dir, 'templates');
    expect(templatePath(t, 'patient', 'slides')).toBe(join(t, 'patient/slides.md.hbs'));
    expect(templatePath(t, 'student', 'slides')).toBe(join(t, 'slides.md.hbs'));
    expect(templatePath(t, 'student', 'handout')).toBe(join(BUILTIN_TEMPLATES, 'handout.md.hbs'));
  });
});

describe('template engine', () => {
  const render = (files: Record<string, string>, context: object = { title: 'T', items: [] }, audience = 'student') => {
    const dir = project(undefined, files);
    return createTemplateEngine(join(dir, 'templates')).render('slides', audience, context);
  };
  it('renders with project partials and the md helper', () => {
    const out = render(
      { 'templates/slides.md.hbs': '# {{md title}}\n{{> foot}}', 'templates/partials/foot.hbs': 'by {{md title}}' },
      { title: 'A *b* # <c>' },
    );
    expect(out.diagnostics).toEqual([]);
    expect(out.text).toBe('# A \\*b\\* \\# \\<c\\>\nby A \\*b\\* \\# \\<c\\>');
  });
  it('reports a syntax error at its line', () => {
    const out = render({ 'templates/slides.md.hbs': 'a\nb\n{{#if title}}\nc\n' });
    expect(out.diagnostics[0]).toMatchObject({
      code: 'DH_TEMPLATE',
      file: expect.stringMatching(/\/templates\/slides\.md\.hbs$/),
    });
    expect(out.diagnostics[0]!.message).toContain('syntax error');
  });
  it('reports every unknown helper and missing partial at its line and column', () => {
    const out = render({ 'templates/slides.md.hbs': 'a\n  {{shout title}}\n{{> nope}}\n' });
    expect(out.diagnostics.map((d) => [d.line, d.col, d.message])).toEqual([
      [2, 3, 'unknown helper "shout"'],
      [3, 1, 'missing partial "nope"'],
    ]);
  });
  it('reports an unknown field at run time, at its line (strict mode)', () => {
    const out = render({ 'templates/slides.md.hbs': 'a\n{{titel}}\n' });
    expect(out.diagnostics[0]).toMatchObject({
      line: 2,
      col: 3,
      message: 'template error: "titel" is not defined here',
    });
  });
  it('keeps prototype access blocked', () => {
    const out = render({ 'templates/slides.md.hbs': '[{{#with title}}{{constructor}}{{/with}}]' }, { title: 'x' });
    expect(out.text ?? '').not.toContain('function');
  });
});

describe('templateEngines (a session keeps its engine across builds)', () => {
  it('is the same engine while the templates stay, a new one when one changes or appears', () => {
    const templateEngine = templateEngines();
    const dir = project(undefined, { 'templates/slides.md.hbs': 'one {{title}}' });
    const templates = join(dir, 'templates');
    const first = templateEngine(templates);
    expect(first.render('slides', 'patient', { title: 'T' }).text).toBe('one T');
    expect(templateEngine(templates)).toBe(first);
    writeFileSync(join(templates, 'slides.md.hbs'), 'two {{title}}');
    const second = templateEngine(templates);
    expect(second).not.toBe(first);
    expect(second.render('slides', 'patient', { title: 'T' }).text).toBe('two T');
    mkdirSync(join(templates, 'patient'));
    writeFileSync(join(templates, 'patient/slides.md.hbs'), 'three {{title}}');
    expect(templateEngine(templates).render('slides', 'patient', { title: 'T' }).text).toBe('three T');
  });
});
