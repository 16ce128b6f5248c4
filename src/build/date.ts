import { UsageError } from '../errors/diagnostic.js';

/** SOURCE_DATE_EPOCH (reproducible-builds.org) as a date, or undefined when unset; malformed is a usage error. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,12}$/.test(raw.trim())) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, got "${raw}"`);
  }
  return new Date(Number(raw.trim()) * 1000);
}

/** The build date: SOURCE_DATE_EPOCH when set, else now (whole seconds, like the epoch). */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Date {
  return sourceDateEpoch(env) ?? new Date(Math.floor(now().getTime() / 1000) * 1000);
}
