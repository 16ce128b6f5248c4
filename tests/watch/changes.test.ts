import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeBatcher, type FileEvent } from '../../src/watch/changes.js';
import { project } from '../helpers/project.js';

// Fake timers: the batcher's debounce and re-check windows are driven by the test, not the clock.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function setup() {
  const dir = project(undefined, { 'a.yaml': 'A', 'b.yaml': 'B' });
  const batches: Record<string, FileEvent>[] = [];
  const batcher = changeBatcher(20, (batch) => batches.push(Object.fromEntries(batch)));
  return { a: join(dir, 'a.yaml'), b: join(dir, 'b.yaml'), batches, batcher };
}

describe('changeBatcher', () => {
  it('events within the debounce are one batch, with the last event of each path', () => {
    const { a, b, batches, batcher } = setup();
    batcher.add(a, 'add');
    vi.advanceTimersByTime(10);
    batcher.add(b, 'change');
    batcher.add(a, 'change');
    vi.advanceTimersByTime(19);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([{ [a]: 'change', [b]: 'change' }]);
    vi.advanceTimersByTime(1000);
    expect(batches).toHaveLength(1); // the re-check found both as they were handed over
    batcher.close();
  });

  it('a write the watcher dropped (right after the first) is caught by the re-check', () => {
    const { a, batches, batcher } = setup();
    batcher.add(a, 'change');
    vi.advanceTimersByTime(20);
    writeFileSync(a, 'A, saved again'); // chokidar reports no second change within 50 ms
    vi.advanceTimersByTime(40);
    expect(batches).toEqual([{ [a]: 'change' }]);
    vi.advanceTimersByTime(20);
    expect(batches).toEqual([{ [a]: 'change' }, { [a]: 'change' }]);
    batcher.close();
  });

  it('the same bytes written again after the batch are no change', () => {
    const { a, batches, batcher } = setup();
    batcher.add(a, 'add');
    vi.advanceTimersByTime(20);
    writeFileSync(a, 'A'); // same bytes: no change
    vi.advanceTimersByTime(200);
    expect(batches).toHaveLength(1);
    batcher.close();
  });

  it('close drops what is pending', () => {
    const { a, batches, batcher } = setup();
    batcher.add(a, 'change');
    batcher.close();
    vi.advanceTimersByTime(1000);
    expect(batches).toEqual([]);
  });
});
