import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import type { ImageAsset, ResolvedSection, ResolvedTopic, Topic } from '../../src/content/types.js';
import { imageUrls, templateContext } from '../../src/view/template-context.js';
import { prepareSlidePlan } from '../../src/view/slide-plan.js';

beforeAll(() => prepareSlidePlan());

// Which sections each kind gets is tested in content/resolve.test.ts.
const config = resolveConfig({ audiences: { patient: {}, expert: { theme: 'gaia', readingGrade: 14 } } }, '/p');
const [patient, expert] = config.audiences as [(typeof config.audiences)[0], (typeof config.audiences)[0]];
const build = { date: '2026-01-01', version: '9.9.9' };
const section = (over: Partial<ResolvedSection>): ResolvedSection => ({
  id: 's',
  title: 'S',
  body: 'Stem cells grow.',
  points: [],
  notes: 'SPEAKER NOTE',
  image: { src: 'images/a.png', alt: 'A', caption: null, width: 10, height: 10 },
  slides: true,
  handout: true,
  ...over,
});
const topic: ResolvedTopic = {
  slug: 't',
  title: 'T',
  subtitle: null,
  authors: [],
  date: null,
  lang: 'en',
  summary: null,
  sections: [section({})],
  glossary: [{ term: 'stem cells', definition: 'Cells that become other cells.' }],
  references: [],
};
const urls = new Map([['images/a.png', '../../../content/images/a.png']]);

describe('templateContext', () => {
  it('a handout never gets speaker notes; a deck does', () => {
    expect(templateContext(topic, 'handout', patient, config, build, urls).sections[0]!.notes).toBeNull();
    expect(templateContext(topic, 'slides', patient, config, build, urls).sections[0]!.notes).toBe('SPEAKER NOTE');
  });

  it('images by the URL the output uses; an image without one keeps its src', () => {
    expect(templateContext(topic, 'handout', patient, config, build, urls).sections[0]!.image!.src).toBe(
      '../../../content/images/a.png',
    );
    expect(templateContext(topic, 'handout', patient, config, build, new Map()).sections[0]!.image!.src).toBe(
      'images/a.png',
    );
  });

  it('the audience’s glossary setting is applied (patient: inline in the handout)', () => {
    const handout = templateContext(topic, 'handout', patient, config, build, urls);
    expect(handout.sections[0]!.body).toBe('Stem cells (cells that become other cells) grow.');
    expect(templateContext(topic, 'handout', expert, config, build, urls).sections[0]!.body).toBe('Stem cells grow.');
  });

  it('audience, build and options as plain data, unset settings null', () => {
    const ctx = templateContext(topic, 'handout', expert, config, build, urls);
    expect(ctx.audience).toEqual({
      name: 'expert',
      label: 'Expert',
      fontSize: 11,
      readingGrade: 14,
      theme: 'gaia',
      glossary: 'list',
    });
    expect(templateContext(topic, 'handout', patient, config, build, urls).audience).toMatchObject({
      readingGrade: null,
      theme: null,
    });
    expect(ctx.build).toEqual(build);
    expect(ctx.options).toEqual({
      slides: { theme: 'gaia', size: '16:9', paginate: true, accent: null, body: 'auto', pdfEngine: 'auto' },
      handout: { pageSize: config.handout.pageSize, footer: config.handout.footer, hyphenate: false },
    });
    expect(JSON.parse(JSON.stringify(ctx))).toEqual(ctx);
  });

  it('decks get the slide plan; handouts do not', () => {
    const slides = templateContext(topic, 'slides', patient, config, build, urls) as Record<string, unknown>;
    expect(slides).toHaveProperty('glossaryParts');
    expect((slides.sections as { parts?: unknown[] }[])[0]!.parts!.length).toBeGreaterThan(0);
    expect(templateContext(topic, 'handout', patient, config, build, urls)).not.toHaveProperty('glossaryParts');
  });

  it('does not change the topic it is given', () => {
    const copy = structuredClone(topic);
    templateContext(topic, 'handout', patient, config, build, urls);
    expect(topic).toEqual(copy);
  });
});

describe('imageUrls', () => {
  it('relative to the artifact’s folder, with "/", both ways', () => {
    const image = { src: 'images/a.png', path: '/p/content/images/a.png' } as ImageAsset;
    const source = { images: new Map([['images/a.png', image]]) } as unknown as Topic;
    const { urls: out, byUrl } = imageUrls(source, '/p/output/t/patient');
    // Also keyed by the absolute path: the brand logo (an absolute path in the config) is found that way.
    expect([...out]).toEqual([
      ['images/a.png', '../../../content/images/a.png'],
      ['/p/content/images/a.png', '../../../content/images/a.png'],
    ]);
    expect(byUrl.get('../../../content/images/a.png')).toBe(image);
  });
});
