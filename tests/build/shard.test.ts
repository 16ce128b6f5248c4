import { describe, expect, it } from 'vitest';
import { inShard, parseShard } from '../../src/build/shard.js';
import { UsageError } from '../../src/errors/diagnostic.js';

describe('parseShard', () => {
  it('i/n, spaces allowed, or an object', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard({ index: 3, count: 3 })).toEqual({ index: 3, count: 3 });
  });

  it.each(['0/4', '5/4', '1/0', '-1/2', '1.5/2', 'a/b', '2', '2/4/6', '', '1/ 2x'])(
    '"%s" is a usage error about the shard option',
    (value) => {
      let thrown: unknown;
      try {
        parseShard(value);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(UsageError);
      const e = thrown as UsageError;
      expect(e.option).toBe('shard');
      expect(e.detail).toBe(`must be i/n with 1 ≤ i ≤ n (e.g. 2/4), got "${value}"`);
      expect(e.message).toBe(`shard ${e.detail}`);
    },
  );

  it('an object out of range or not whole numbers is refused too, shown as i/n', () => {
    expect(() => parseShard({ index: 0, count: 2 })).toThrow('got "0/2"');
    expect(() => parseShard({ index: 1.5, count: 2 })).toThrow('got "1.5/2"');
    expect(() => parseShard({ index: 1, count: Number.NaN })).toThrow('got "1/NaN"');
  });
});

describe('inShard', () => {
  const slugs = Array.from({ length: 200 }, (_, i) => `topic-${i}`);

  it.each([1, 2, 3, 7])('every topic lands in exactly one of %i shards', (count) => {
    for (const slug of slugs) {
      const hits = Array.from({ length: count }, (_, i) => inShard(slug, { index: i + 1, count })).filter(Boolean);
      expect(hits, slug).toHaveLength(1);
    }
  });

  it('spreads topics over the shards, and by slug alone: adding a topic moves no other', () => {
    const of = (slug: string) => [1, 2, 3, 4].find((index) => inShard(slug, { index, count: 4 }));
    const sizes = [1, 2, 3, 4].map((i) => slugs.filter((s) => of(s) === i).length);
    for (const n of sizes) expect(n).toBeGreaterThan(25);
    const before = slugs.map(of);
    expect([...slugs, 'new-topic'].map(of).slice(0, slugs.length)).toEqual(before);
    expect(of('topic-0')).toBe(of('topic-0'));
  });
});
