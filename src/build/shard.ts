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
      `must be i/n with 1 ≤ i ≤ n (e.g. 2/4), got "${typeof value === 'string' ? value : `${value.index}/${value.count}`}"`,
      'shard',
    );
  }
  return shard;
}

/**
 * Whether a topic belongs to a shard. By a hash of the slug, not by position in a sorted list:
 * adding or removing one topic never moves the others to another shard, and every topic lands
 * in exactly one of the n shards.
 */
export function inShard(slug: string, shard: Shard): boolean {
  return createHash('sha256').update(slug).digest().readUInt32BE(0) % shard.count === shard.index - 1;
}
