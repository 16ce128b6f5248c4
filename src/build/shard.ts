import { createHash } from 'node:crypto';
import { UsageError } from '../errors/diagnostic.js';
import type { Shard } from './types.js';

/** `i/n` with 1 ≤ i ≤ n, as CI matrices count. */
export function parseShard(value: string | Shard): Shard {
  const m = typeof value === 'string' ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value) : null;
  const shard = typeof value === 'string' ? (m ? { index: Number(m[1]), count: Number(m[2]) } : undefined) : value;
  if (
    !shard ||
    !Number.isInteger(shard.index) ||
    !Number.isInteger(shard.count) ||
    shard.count < 1 ||
    shard.index < 1 ||
    shard.index > shard.count
  ) {
    throw new UsageError(
      `must be i/n with 1 ≤ i ≤ n (e.g. 2/4), got ` +
        `"${typeof value === 'string' ? value : `${value.index}/${value.count}`}"`,
      'shard',
    );
  }
  return shard;
}

/**
 * The slugs of one shard. The slugs are put in the order of a hash of each (so neighbours by name, such
 * as `cardio-1` … `cardio-9`, spread over the shards), and that list is cut into n runs whose lengths
 * differ by at most one: shards are balanced whenever there are at least n topics, and the split
 * depends only on the set of slugs (never on file order, the machine or the run).
 *
 * The trade-off: assigning each topic by its hash alone (hash mod n) never moves a topic when another
 * is added, but leaves shards uneven (5 topics in 3 shards came out 1 / 0 / 4). Here adding or removing
 * one topic moves at most one topic across each boundary between runs, n − 1 in all; every topic
 * still lands in exactly one shard.
 */
export function shardSlugs(slugs: Iterable<string>, shard: Shard): Set<string> {
  const hash = (slug: string) => createHash('sha256').update(slug).digest('hex');
  // Two files with one slug (a.yaml next to a.json) stay together: the build reports the clash once.
  const ordered = [...new Set(slugs)]
    .map((slug) => ({ slug, key: hash(slug) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.slug < b.slug ? -1 : 1));
  const from = Math.floor(((shard.index - 1) * ordered.length) / shard.count);
  const to = Math.floor((shard.index * ordered.length) / shard.count);
  return new Set(ordered.slice(from, to).map((o) => o.slug));
}
