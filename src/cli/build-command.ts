import type { CommandModule } from 'yargs';
import { build } from '../build/build.js';
import { buildOptions, selectionOptions } from './build-options.js';
import type { Io } from './io.js';
import { createReporter, REPORTERS, reportMode } from './reporter.js';

export function buildCommand(io: Io, setCode: (c: number) => void): CommandModule {
  return {
    command: 'build [paths..]',
    describe: 'build slides and handouts for every topic and audience',
    builder: (y) =>
      selectionOptions(y)
        .option('check', {
          type: 'boolean',
          describe: 'rebuild in memory and compare with the output folder; exit 1 when anything is stale or missing',
        })
        .option('clean', { type: 'boolean', describe: 'remove artifacts of topics and audiences that no longer exist' })
        .option('shard', {
          type: 'string',
          describe: 'build only shard i of n (e.g. 2/4): a stable split of the topics for CI matrices',
        })
        .option('json', {
          type: 'boolean',
          default: false,
          describe: 'print the result as one JSON document on stdout',
        })
        .option('reporter', {
          type: 'string',
          choices: REPORTERS,
          default: 'default',
          describe: 'github: problems as GitHub Actions annotations (::error file=…,line=…::…) on stdout',
        })
        .conflicts('check', 'clean'),
    handler: async (argv) => {
      const reporter = createReporter(
        io,
        reportMode(io, { json: argv.json === true, quiet: argv.quiet === true, reporter: String(argv.reporter) }),
      );
      const result = await build({
        ...buildOptions(argv, io),
        check: argv.check === true,
        clean: argv.clean === true,
        ...(typeof argv.shard === 'string' ? { shard: argv.shard } : {}),
        onProgress: (e) => reporter.onProgress(e),
      });
      reporter.finish(result);
      setCode(result.ok ? 0 : 1);
    },
  };
}
