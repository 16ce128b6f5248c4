import { UsageError } from '../errors/diagnostic.js';

/**
 * The date a printed handout carries: SOURCE_DATE_EPOCH when set (byte-identical reprints), else now
 * in whole seconds. The same rule as the build's (src/build/date.ts), which print may not import.
 */
export function printDate(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return new Date(Math.floor(Date.now() / 1000) * 1000);
  if (!/^\d{1,12}$/.test(raw.trim()))
    throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, got "${raw}"`);
  return new Date(Number(raw.trim()) * 1000);
}
