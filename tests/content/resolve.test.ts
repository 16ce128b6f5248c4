import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { loadTopic } from '../../src/content/load.js';
import { resolveTopic, topicAudiences } from '../../src/content/resolve.js';
import { prepareSlidePlan } from '../../src/view/slide-plan.js';
import { templateContext } from '../../src/view/template-context.js';
import { FIXTURES } from '../helpers/project.js';

const config = resolveConfig({}, FIXTURES);
async function view(rule: string, audience: string) {
  const { topic, diagnostics } = await loadTopic(join(FIXTURES, 'resolve', `${rule}.yaml`), config);
  expect(diagnostics).toEqual([]);
  return resolveTopic(topic!, audience, config);
}

describe('audience resolution rules', () => {
  it('plain-string: the same for every audience', async () => {
    for (const a of ['patient', 'student', 'clinician'])
      expect((await view('plain-string', a)).resolved?.title).toBe('Same for all');
  });
  it('variant-map: map[A] first', async () => {
    expect((await view('variant-map', 'patient')).resolved?.title).toBe('For patients');
  });
  it('default-fallback: map.default when A has no entry', async () => {
    expect((await view('default-fallback', 'student')).resolved?.title).toBe('Default title');
    expect((await view('default-fallback', 'clinician')).resolved?.title).toBe('Clinician title');
  });
  it('absent-optional: neither A nor default means absent', async () => {
    const p = (await view('absent-optional', 'patient')).resolved!;
    expect(p.subtitle).toBeNull();
    expect(p.sections[0]!.body).toBeNull();
    expect(p.sections[0]!.points).toEqual(['Everyone point']);
    const c = (await view('absent-optional', 'clinician')).resolved!;
    expect(c.sections[0]!.points).toEqual(['Clinician point', 'Everyone point']);
  });
  it('required-missing: an error at the field, for that audience only', async () => {
    expect((await view('required-missing', 'patient')).diagnostics).toEqual([]);
    const { resolved, diagnostics } = await view('required-missing', 'student');
    expect(resolved).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({
      code: 'DH_MISSING_VARIANT',
      line: 2,
      col: 8,
      message: '"title" has no text for audience "student"',
    });
  });
  it('section-filter: filtered sections are gone', async () => {
    expect((await view('section-filter', 'patient')).resolved!.sections.map((s) => s.title)).toEqual(['For all']);
    expect((await view('section-filter', 'clinician')).resolved!.sections.map((s) => s.title)).toEqual([
      'For all',
      'Clinicians only',
    ]);
  });
  it('point-filter: filtered points are gone; point text is a variant map too', async () => {
    expect((await view('point-filter', 'patient')).resolved!.sections[0]!.points).toEqual([
      'Everyone',
      'Patient words',
    ]);
    expect((await view('point-filter', 'student')).resolved!.sections[0]!.points).toEqual([
      'Everyone',
      'Students only',
      'Other words',
    ]);
  });
  it('glossary-references-filter', async () => {
    const p = (await view('glossary-references-filter', 'patient')).resolved!;
    expect(p.glossary).toEqual([{ term: 'cell', definition: 'A tiny unit of life.' }]);
    expect(p.references).toEqual([{ text: 'Everyone reads this', url: null }]);
    const c = (await view('glossary-references-filter', 'clinician')).resolved!;
    expect(c.glossary.map((g) => g.term)).toEqual(['cell', 'MSC']);
    expect(c.references[1]).toEqual({ text: 'Clinicians read this', url: 'https://example.org/x' });
  });
  it('topic-audiences: only the listed audiences, in config order', async () => {
    const { topic } = await loadTopic(join(FIXTURES, 'resolve', 'topic-audiences.yaml'), config);
    expect(topicAudiences(topic!, config).map((a) => a.name)).toEqual(['patient', 'student']);
  });
  it('slides-handout-flags: each kind gets only its sections', async () => {
    await prepareSlidePlan(); // the slide plan measures with the deck fonts
    const r = (await view('slides-handout-flags', 'student')).resolved!;
    const a = config.audiences[1]!;
    const build = { date: '2026-01-01', version: 'x' };
    expect(templateContext(r, 'slides', a, config, build, new Map()).sections.map((s) => s.title)).toEqual([
      'Both',
      'Slides only',
    ]);
    expect(templateContext(r, 'handout', a, config, build, new Map()).sections.map((s) => s.title)).toEqual([
      'Both',
      'Handout only',
    ]);
  });
});
