import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { topicJsonSchema } from '../content/schema.js';
import { initProject } from '../init.js';
import { displayPath } from './display.js';
import type { Io } from './io.js';

export function schemaCommand(io: Io): CommandModule {
  return {
    command: 'schema',
    describe: 'print the JSON Schema of a topic file',
    handler: () => io.out(JSON.stringify(topicJsonSchema(), null, 2)),
  };
}

export function initCommand(io: Io): CommandModule {
  return {
    command: 'init [dir]',
    describe: 'scaffold a project: config, one example topic, the templates to customise',
    builder: (y) => y.positional('dir', { type: 'string', default: '.', describe: 'project folder' }),
    handler: (argv) => {
      const { created, skipped } = initProject(String(argv.dir), io.cwd);
      for (const f of created) io.err(`created  ${displayPath(f, io.cwd)}`);
      for (const f of skipped) io.err(`exists   ${displayPath(f, io.cwd)} (left as it is)`);
      // Outside a project that depends on deckhand, `deckhand` alone is not on PATH; npx finds it either way.
      const root = resolve(io.cwd, String(argv.dir));
      io.err(
        `next: ${root === resolve(io.cwd) ? '' : `cd ${shellQuote(displayPath(root, io.cwd))} && `}npx deckhand build`,
      );
    },
  };
}

/** A path as the user can paste it into a POSIX shell. */
function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
