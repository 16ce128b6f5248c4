import { UsageError } from '../errors/diagnostic.js';

/** The build date: SOURCE_DATE_EPOCH (reproducible-builds.org) when set, else now. */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return now();
  if (!/^\d{1,12}$/.test(raw.trim())) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, got "${raw}"`);
  }
  return new Date(Number(raw.trim()) * 1000);
}
