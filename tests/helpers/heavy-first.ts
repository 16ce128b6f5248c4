import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest test files, slowest first (measured on the 2-core machine). Starting them first lets the
 * small files fill in around them, so both workers finish together instead of one long file running
 * alone at the end. Vitest's own order needs a results cache, which a fresh clone (CI) does not have.
 */
export const HEAVY = [
  'tests/package/install.test.ts',
  'tests/fuzz/fuzz.test.ts',
  'tests/e2e/reproducible.test.ts',
  'tests/bad/corpus.test.ts',
  'tests/math/outputs.test.ts',
  'tests/e2e/threads.test.ts',
  'tests/package/action.test.ts',
  'tests/e2e/pptx.test.ts',
  'tests/render/slides-html.test.ts',
  'tests/watch/overlay.test.ts',
  'tests/e2e/interrupt.test.ts',
  'tests/render/viewer.test.ts',
  'tests/watch/watch.test.ts',
  'tests/render/handout-pdf/pdf.test.ts',
  'tests/reliability/cli-safety.test.ts',
  'tests/bad/hostile.test.ts',
  'tests/e2e/printouts.test.ts',
];

export class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = HEAVY.findIndex((h) => f.moduleId.endsWith(`/${h}`));
      return i < 0 ? HEAVY.length : i;
    };
    const rest = await super.sort(files);
    // Array.prototype.sort is stable: the files not listed keep vitest's order after the listed ones.
    return rest.sort((a, b) => rank(a) - rank(b));
  }
}
