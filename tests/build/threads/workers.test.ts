import { describe, expect, it } from 'vitest';
import { workerGroup } from '../../../src/build/threads/workers.js';
import { builtinRenderers } from '../../../src/render/registry.js';
import type { Renderer } from '../../../src/render/types.js';

// workerGroup's basic cases are in queue.test.ts; these are the grouping rules around them.
const r = (name: string, libraries?: string[], cost?: 'heavy'): Renderer => ({
  name,
  format: name,
  source: 'slides',
  output: `${name}.out`,
  render: async () => ({ bytes: new Uint8Array() }),
  ...(libraries ? { libraries } : {}),
  ...(cost ? { cost } : {}),
});

describe('workerGroup', () => {
  it('the built-in renderers: handouts and printouts (pdfkit) go to the worker, decks stay on this thread', () => {
    expect(workerGroup(builtinRenderers())).toEqual(['handout-pdf', 'notes-pdf', 'slides-handout-pdf']);
  });

  it('a renderer sharing libraries with two groups joins them into one', () => {
    const list = [r('a', ['x']), r('b', ['y'], 'heavy'), r('bridge', ['x', 'y']), r('c', ['z'])];
    // a, b and bridge are one group (one heavy job) against c (none): the group goes to the worker.
    expect(workerGroup(list)?.sort()).toEqual(['a', 'b', 'bridge']);
    expect(workerGroup([r('a', ['x']), r('b', ['y']), r('bridge', ['x', 'y'])])).toBeUndefined();
  });

  it('renderers that load no libraries belong to no group', () => {
    expect(workerGroup([r('md'), r('txt', []), r('one', ['x'], 'heavy')])).toBeUndefined();
    expect(workerGroup([r('md'), r('one', ['x']), r('two', ['y'], 'heavy')])).toEqual(['two']);
  });

  it('the group with the most heavy jobs wins over a bigger one', () => {
    const list = [r('a', ['x'], 'heavy'), r('b', ['x'], 'heavy'), r('c', ['y'], 'heavy'), r('d', ['y']), r('e', ['y'])];
    expect(workerGroup(list)).toEqual(['a', 'b']);
  });

  it('on a full tie, the first group found', () => {
    expect(workerGroup([r('a', ['x']), r('b', ['y'])])).toEqual(['a']);
  });
});
