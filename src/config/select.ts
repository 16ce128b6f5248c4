import { UsageError } from '../errors/diagnostic.js';
import { didYouMean } from '../errors/suggest.js';
import type { Audience } from './types.js';

/** The audiences asked for (`-a`, comma-separated or repeated), checked against the configured ones; undefined: all. */
export function selectAudiences(names: string[] | undefined, audiences: readonly Audience[]): string[] | undefined {
  if (!names?.length) return undefined;
  const known = audiences.map((a) => a.name);
  const list = names
    .flatMap((n) => n.split(','))
    .map((n) => n.trim())
    .filter(Boolean);
  for (const n of list)
    if (!known.includes(n))
      throw new UsageError(`unknown audience "${n}"${didYouMean(n, known)} (configured: ${known.join(', ')})`);
  return list;
}
