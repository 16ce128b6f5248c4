import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../src/cli/display.js';
import { lineNesting, MAX_TEXT_NESTING } from '../../src/content/text-checks.js';
import { sentences } from '../../src/lint/count.js';
import { outputPathProblem } from '../../src/output/safe-path.js';
import { parseMarkdown } from '../../src/render/handout-pdf/markdown.js';
import { project } from '../helpers/project.js';
import { controlRun, longParagraph, nestedLines } from './arbitraries.js';
import { buildTopic } from './harness.js';

/**
 * Issue 22's classes, generated: control characters (nothing a terminal acts on survives the one
 * escaping point), nesting depth (refused past the limit, never silently cut below it), symlinked
 * output folders (always refused), long paragraphs (split the same as short ones).
 */
const RUNS = Number(process.env.FUZZ_CLASS_RUNS ?? 200);
const control = fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c));
const hostileText = fc
  .array(fc.oneof(control, fc.constantFrom('\u202e', '\u2066', '\u2028', 'a', ' ', '[', '2J')), { maxLength: 60 })
  .map((a) => a.join(''));

describe('generated hostile classes', () => {
  it('control characters never reach the terminal', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const out = escapeControls(s);
        expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e\u2066\u2028]/);
      }),
      { numRuns: RUNS },
    );
  });

  it('nesting: past the limit refused; up to it, nothing after the list is lost', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('- ', '* ', '1. ', '> '),
        async (depth, marker) => {
          const line = `${marker.repeat(depth)}x`;
          expect(lineNesting(line) > MAX_TEXT_NESTING).toBe(depth > MAX_TEXT_NESTING);
          if (depth > MAX_TEXT_NESTING) return;
          const tokens = await parseMarkdown(`${line}\n\nlater paragraph`);
          const text = tokens.flatMap((t) => (t.type === 'inline' ? [t.content] : [])).join(' ');
          expect(text).toContain('later paragraph');
        },
      ),
      { numRuns: Math.min(RUNS, 80) },
    );
  });

  it('a symlinked folder anywhere under the output folder is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }), (depth, at) => {
        const link = Math.min(at, depth - 1);
        const root = project();
        const segments = Array.from({ length: depth }, (_, i) => `s${i}`);
        const before = join(root, ...segments.slice(0, link));
        mkdirSync(before, { recursive: true });
        symlinkSync(project(), join(before, segments[link]!));
        expect(outputPathProblem(root, join(root, ...segments, 'file.md'))).toMatch(/is a link$/);
      }),
      { numRuns: Math.min(RUNS, 40) },
    );
  });

  it('a long paragraph splits into the same sentences as its parts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.constantFrom('Dr. Lee', 'See e.g. this', 'A test'), (n, s) => {
        const one = `${s} is here. `;
        expect(sentences(one.repeat(n)).length).toBe(n * sentences(one).length);
      }),
      { numRuns: Math.min(RUNS, 30) },
    );
  });

  it(
    'whole builds: a linked folder in the output is never written through (refused where the ' + 'build needs it)',
    async () => {
      const topic = 'title: T\nsummary: S.\nsections:\n  - title: One\n    points: [A point]\n';
      for (const link of ['topic', 'topic/patient', 'other']) {
        const v = await buildTopic(topic, 'yaml', { qpdf: false, mustBuild: false, outputLink: link });
        expect(v.problems, link).toEqual([]);
        expect(v.exit, link).toBe(link === 'other' ? 0 : 1);
      }
    },
    120_000,
  );

  it('the generated values are what they say: deep, long, full of controls', () => {
    for (const t of fc.sample(nestedLines, { numRuns: 50, seed: 1 })) expect(t).toMatch(/x \w+\n\nAfter the list\.$/);
    expect(
      Math.max(...fc.sample(nestedLines, { numRuns: 200, seed: 2 }).map((t) => lineNesting(t.split('\n')[0]!))),
    ).toBeGreaterThan(MAX_TEXT_NESTING);
    for (const t of fc.sample(longParagraph, { numRuns: 20, seed: 3 }))
      expect(sentences(t).length).toBeGreaterThanOrEqual(50);
    for (const t of fc.sample(controlRun, { numRuns: 50, seed: 4 }))
      expect(t).toMatch(/[\u0001-\u001f\u007f-\u009f\u202e\u2066]/);
  });
});
