import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

// Twelve numbered steps do not fit one slide: the continued slide must go on counting (5., 6., …), as the
// handout does, not start again at 1.
const steps = Array.from(
  { length: 12 },
  (_, i) => `      - Step ${i + 1}, wash your hands, then check the label on the box before you take the dose.`,
);
const topic = [
  'title: Using an inhaler',
  'sections:',
  '  - title: How to use it',
  '    kind: steps',
  '    points:',
  ...steps.map((s) => s.slice(2)),
  '',
].join('\n');

let md: string;
let html: string;
beforeAll(async () => {
  const dir = project(undefined, {
    'content/inhaler.yaml': topic,
    'deckhand.config.yaml': 'audiences:\n  clinician: {}\n',
  });
  const r = await runDeckhand(['build', '-f', 'slides'], dir, { SOURCE_DATE_EPOCH: '1780000000' });
  expect(r.code, r.stderr).toBe(0);
  md = readFileSync(join(dir, 'output/inhaler/clinician/slides.md'), 'utf8');
  html = readFileSync(join(dir, 'output/inhaler/clinician/slides.html'), 'utf8');
}, 120_000);

describe('steps continued on the next slide', () => {
  it('go on counting in slides.md', () => {
    const slides = md.split(/\n---\n/).filter((s) => s.includes('## How to use it'));
    expect(slides.length).toBeGreaterThan(1);
    const numbers = slides.map((s) => [...s.matchAll(/^(\d+)\. Step (\d+),/gm)].map((m) => [m[1], m[2]]));
    // Each printed number is the step's own, on every slide, and every step is there once.
    for (const list of numbers) for (const [printed, own] of list) expect(printed).toBe(own);
    expect(numbers.flat().map(([n]) => Number(n))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(slides[1]).toMatch(/\(continued\)/);
  });

  it('the continued slide is an <ol start="N"> in slides.html', () => {
    const first = md.split(/\n---\n/).filter((s) => s.includes('## How to use it'))[1]!;
    const n = Number(/^(\d+)\. /m.exec(first)![1]);
    expect(n).toBeGreaterThan(1);
    expect(html).toContain(`<ol start="${n}">`);
  });
});
