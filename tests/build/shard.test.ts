import { describe, expect, it } from 'vitest';
import { parseShard, shardSlugs } from '../../src/build/shard.js';
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

describe('shardSlugs', () => {
  const slugs = Array.from({ length: 200 }, (_, i) => `topic-${i}`);
  const split = (list: string[], count: number) =>
    Array.from({ length: count }, (_, i) => [...shardSlugs(list, { index: i + 1, count })]);

  it.each([1, 2, 3, 7])('every topic lands in exactly one of %i shards', (count) => {
    const shards = split(slugs, count);
    expect(shards.flat().sort()).toEqual([...slugs].sort());
  });

  it('shard sizes differ by at most one whenever there are at least as many topics as shards', () => {
    for (let topics = 1; topics <= 30; topics++)
      for (let count = 1; count <= topics; count++) {
        const sizes = split(slugs.slice(0, topics), count).map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes), `${topics} topics in ${count} shards: ${sizes}`).toBeLessThan(
          2,
        );
        if (topics >= count) expect(Math.min(...sizes), `${topics} in ${count}`).toBeGreaterThan(0);
      }
    // The case of the issue: 5 topics in 3 shards.
    expect(
      split(['a', 'b', 'c', 'd', 'e'], 3)
        .map((s) => s.length)
        .sort(),
    ).toEqual([1, 2, 2]);
  });

  it('depends on the set of slugs only, not their order', () => {
    const reversed = [...slugs].reverse();
    expect(split(reversed, 4)).toEqual(split(slugs, 4));
    expect(split([...slugs, 'topic-0'], 4)).toEqual(split(slugs, 4));
  });

  it('adding a topic moves at most one other topic per boundary between shards', () => {
    const count = 4;
    const shardOf = (list: string[]) => {
      const of = new Map<string, number>();
      split(list, count).forEach((s, i) => s.forEach((slug) => of.set(slug, i)));
      return of;
    };
    const before = shardOf(slugs);
    const after = shardOf([...slugs, 'new-topic']);
    const moved = slugs.filter((s) => before.get(s) !== after.get(s));
    expect(moved.length).toBeLessThanOrEqual(count - 1);
  });

  it('spreads neighbours by name over the shards', () => {
    const shards = split(
      Array.from({ length: 8 }, (_, i) => `cardio-${i}`),
      2,
    );
    expect(shards[0]).not.toEqual(['cardio-0', 'cardio-1', 'cardio-2', 'cardio-3']);
  });
});
