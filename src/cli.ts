#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';
import { removeTempFiles } from './output/atomic-write.js';
import { removeSpools } from './output/spool.js';
import { runCli } from './cli/main.js';

// An interrupted build leaves no temp files; finished artifacts were renamed into place atomically.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.on(signal, () => {
    removeTempFiles();
    removeSpools();
    process.exit(code);
  });
}

process.exitCode = await runCli(hideBin(process.argv));
