import type { Argv } from 'yargs';
import type { BuildOptions } from '../build/types.js';
import { UsageError } from '../errors/diagnostic.js';
import type { Io } from './io.js';

const list = (v: unknown): string[] | undefined =>
  v === undefined
    ? undefined
    : (Array.isArray(v) ? v : [v])
        .flatMap((s) => String(s).split(','))
        .map((s) => s.trim())
        .filter(Boolean);

/** The options `build` and `watch` share. */
export function selectionOptions<T>(y: Argv<T>) {
  return y
    .positional('paths', {
      describe: 'topic files or folders (default: the configured content folder)',
      type: 'string',
      array: true,
    })
    .option('audience', {
      alias: 'a',
      type: 'string',
      array: true,
      nargs: 1,
      describe: 'only these audiences (comma-separated or repeated)',
    })
    .option('lang', {
      alias: 'l',
      type: 'string',
      array: true,
      nargs: 1,
      describe: "only these languages, BCP 47 tags (the source's own included; default: all)",
    })
    .option('format', {
      alias: 'f',
      type: 'string',
      array: true,
      nargs: 1,
      describe:
        'slides | handout | slides-pdf | pptx | notes | slides-handout (default: each audience’s formats, else ' +
        'slides,handout)',
    })
    .option('out', { alias: 'o', type: 'string', describe: 'output folder (default: the configured one)' })
    .option('config', {
      alias: 'c',
      type: 'string',
      describe: 'config file (default: ./deckhand.config.yaml when present)',
    })
    .option('jobs', { alias: 'j', type: 'number', describe: 'render threads (default: the number of cores)' })
    .option('force', {
      type: 'boolean',
      default: false,
      describe: 'render everything again, ignoring the incremental cache',
    })
    .option('quiet', {
      alias: 'q',
      type: 'boolean',
      default: false,
      describe: 'one plain line per artifact, no progress bar',
    });
}

/** CLI arguments → `build()` options. */
export function buildOptions(argv: Record<string, unknown>, io: Pick<Io, 'cwd' | 'env'>): BuildOptions {
  const jobs = argv.jobs;
  if (jobs !== undefined && (typeof jobs !== 'number' || !Number.isInteger(jobs) || jobs < 1))
    throw new UsageError(`--jobs must be a whole number ≥ 1, got "${String(jobs)}"`);
  const paths = list(argv.paths);
  const audiences = list(argv.audience);
  const formats = list(argv.format);
  const langs = list(argv.lang);
  return {
    cwd: io.cwd,
    env: io.env,
    ...(paths ? { paths } : {}),
    ...(audiences ? { audiences } : {}),
    ...(formats ? { formats } : {}),
    ...(langs
      ? {
          langs: langs
            .flatMap((l) => l.split(','))
            .map((l) => l.trim())
            .filter(Boolean),
        }
      : {}),
    ...(typeof argv.out === 'string' ? { out: argv.out } : {}),
    ...(typeof argv.config === 'string' ? { config: argv.config } : {}),
    ...(typeof jobs === 'number' ? { jobs } : {}),
    force: argv.force === true,
  };
}
