import { Marp } from '@marp-team/marp-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { slideSafeBody } from '../../src/view/slide-body.js';
import { planContext, prepareSlidePlan, sectionParts, shownBody, type PlanContext } from '../../src/view/slide-plan.js';
import type { ResolvedSection } from '../../src/content/types.js';
import { imageAlt, noteText } from '../../src/templates/escape.js';

const section = (over: Partial<ResolvedSection>): ResolvedSection => ({
  id: 's',
  title: 'T',
  body: null,
  points: [],
  notes: null,
  image: null,
  slides: true,
  handout: true,
  ...over,
});
const slidesOf = (md: string) => new Marp({ script: false }).render(md, { htmlAsArray: true });
let m: PlanContext;
beforeAll(async () => {
  await prepareSlidePlan();
  m = planContext('deckhand', '16:9', undefined, 'en');
});

describe('slide-safe section bodies', () => {
  it('thematic breaks stay inside the slide; setext headings stay headings', () => {
    for (const rule of ['---', '***', '___', '- - -']) {
      const body = slideSafeBody(`Before\n\n${rule}\n\nAfter`);
      expect(slidesOf(body).html).toHaveLength(1);
    }
    expect(slidesOf(slideSafeBody('Title\n---\n\nText')).html.join('')).toContain('<h2');
  });

  it('comments become neither directives nor notes; <style> stays text', () => {
    const r = slidesOf(
      slideSafeBody(
        'A\n\n<!-- _class: invert -->\n\nB <!-- paginate: true --> C\n\n<style>section{color:rgb(9,8,7)}</style>',
      ),
    );
    expect(r.html.join('')).not.toContain('invert');
    expect(r.comments.flat()).toEqual([]);
    expect(r.css).not.toMatch(/9, ?8, ?7/);
    expect(r.html.join('')).toContain('section{color:rgb(9,8,7)}');
  });

  it('a block left open cannot swallow the slides after it', () => {
    for (const open of ['```js\ncode', '<pre>\nopen', '<script>\nx', '<textarea>']) {
      expect(slidesOf(`${slideSafeBody(open)}\n\n---\n\n# Next`).html, open).toHaveLength(2);
    }
  });
});

describe('notes and image alt text', () => {
  it('a note that reads like a directive stays a note', () => {
    const note = 'class: lead\npaginate: false\n_backgroundColor: red';
    const r = slidesOf(`# A\n\n<!--\n${noteText(note)}\n-->`);
    expect(r.html[0]).not.toMatch(/class="lead"|background-color/);
    expect(r.comments[0]!.join('').replace(/\u200B/g, '')).toBe(note);
  });

  it('alt text keeps words Marp would read as image options', () => {
    const r = slidesOf(`![w:200 ${imageAlt('blur 50% bg sepia')}](x.png)`).html[0]!;
    expect(r).not.toContain('filter');
    expect(/alt="([^"]*)"/.exec(r)![1]!.replace(/\u2060/g, '')).toBe('blur 50% bg sepia');
  });
});

describe('continued slides', () => {
  it('a short section is one slide', () => {
    expect(sectionParts(section({ body: 'Short.', points: ['a', 'b'] }), m)).toHaveLength(1);
  });

  it('five short points and a short paragraph fit one slide; fifteen long points do not', () => {
    const short = Array.from({ length: 5 }, (_, i) => `Point ${i + 1}`);
    expect(sectionParts(section({ body: 'A short paragraph.', points: short }), m)).toHaveLength(1);
    const long = Array.from({ length: 15 }, (_, i) => `Point ${i + 1}: ${'long words here '.repeat(5)}`);
    const parts = sectionParts(section({ points: long }), m);
    expect(parts.length).toBeGreaterThan(1);
    // Evened out: no part is a lone leftover.
    expect(Math.min(...parts.map((p) => p.points.length))).toBeGreaterThan(2);
  });

  it('a paragraph that fits is never cut; one taller than a slide is, between sentences', () => {
    const para = 'A sentence of some length that goes on. '.repeat(6).trim();
    expect(sectionParts(section({ body: `${para}\n\n${para}` }), m).map((p) => p.body)).toEqual([`${para}\n\n${para}`]);
    const huge = 'A sentence of some length that goes on and on. '.repeat(40).trim();
    const parts = sectionParts(section({ body: huge }), m);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.body).join(' ')).toBe(huge);
  });

  it('slides.body: auto shows a body only without points; notes and never hide it', () => {
    const s = section({ body: 'B', points: ['p'] });
    expect([shownBody(s, 'auto'), shownBody(s, 'always'), shownBody(s, 'never'), shownBody(s, 'notes')]).toEqual([
      null,
      'B',
      null,
      null,
    ]);
    expect(shownBody(section({ body: 'B' }), 'auto')).toBe('B');
  });

  it('a long section continues on more slides, keeping every point in order', () => {
    const points = Array.from(
      { length: 14 },
      (_, i) => `Point ${i + 1}: a line of text that is long enough to wrap on a slide, most likely`,
    );
    const parts = sectionParts(section({ body: 'Intro paragraph.', points }), m);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.continued)).toEqual(parts.map((_, i) => i > 0));
    expect(parts.flatMap((p) => p.points)).toEqual(points);
    expect(parts[0]!.body).toBe('Intro paragraph.');
  });

  it('a long body is cut between blocks, and a list stays a list', () => {
    const body =
      Array.from({ length: 8 }, (_, i) => `Paragraph ${i} ${'word '.repeat(40)}`).join('\n\n') +
      '\n\n' +
      Array.from({ length: 6 }, (_, i) => `${i + 1}. item`).join('\n');
    const parts = sectionParts(section({ body }), m);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.map((p) => p.body).join('\n\n')).toContain('Paragraph 7');
    const last = parts[parts.length - 1]!.body!;
    expect(slidesOf(last).html.join('').match(/<ol/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('an image without text fills the slide; with text it sits beside the first slide', () => {
    const image = { src: 'a.png', alt: 'A', caption: null, width: 400, height: 100 };
    expect(sectionParts(section({ image }), m)[0]).toMatchObject({
      imageLayout: 'full',
      imageWidth: 1136,
      imageHeight: 284,
    });
    const parts = sectionParts(
      section({ image, points: Array.from({ length: 12 }, () => 'a point of some length here') }),
      m,
    );
    expect(parts.map((p) => p.imageLayout)).toEqual(['beside', ...parts.slice(1).map(() => null)]);
  });
});
