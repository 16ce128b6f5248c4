import yargs from 'yargs';
import { UsageError } from '../errors/diagnostic.js';
import { VERSION } from '../paths.js';
import { buildCommand } from './build-command.js';
import { usageText } from './display.js';
import { processIo, safeIo, type Io } from './io.js';
import { lintCommand } from './lint-command.js';
import { printCommand } from './print-command.js';
import { initCommand, schemaCommand } from './small-commands.js';
import { watchCommand } from './watch-command.js';
import { translateCommand, translationsCommand } from './translate-command.js';

/** Exit codes: 0 ok, 1 input problems, 2 usage, 3 internal error. */
export const Exit = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

/** Runs the CLI and returns the exit code; the bin entry is the only place that exits. */
export async function runCli(argv: string[], raw: Io = processIo()): Promise<number> {
  // Every printed string passes the one escaping point (display.ts); commands never see the raw streams.
  const io = safeIo(raw);
  let code: number = Exit.ok;
  const setCode = (c: number) => {
    code = Math.max(code, c);
  };
  const parser = yargs(argv)
    .scriptName('deckhand')
    .version(VERSION)
    .usage('$0 <command> [options]')
    .command(buildCommand(io, setCode))
    .command(watchCommand(io))
    .command(lintCommand(io, setCode))
    .command(printCommand(io, setCode))
    .command(translateCommand(io, setCode))
    .command(translationsCommand(io, setCode))
    .command(schemaCommand(io, setCode))
    .command(initCommand(io))
    .demandCommand(1, 'name a command: build, watch, lint, print, translate, translations, schema or init')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err; // handler errors: reported once, below
      io.err(`deckhand: ${msg}`);
      io.err('Run "deckhand --help" for usage.');
      setCode(Exit.usage);
    });
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`deckhand: ${usageText(e, io.cwd)}`);
      io.err('Run "deckhand --help" for usage.');
      return Exit.usage;
    }
    io.err(
      `deckhand: internal error — this is a bug, please report it with the command you ` +
        `ran.\n${(e as Error).stack ?? String(e)}`,
    );
    return Exit.internal;
  }
  return code;
}
