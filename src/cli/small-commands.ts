import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { configJsonSchema } from '../config/config-json-schema.js';
import { loadConfig } from '../config/load.js';
import { topicJsonSchema } from '../content/topic-json-schema.js';
import { initProject, writeProjectSchemas } from '../init.js';
import { displayPath } from './display.js';
import { reportDiagnostics, type Io } from './io.js';

export function schemaCommand(io: Io, setCode: (c: number) => void): CommandModule {
  return {
    command: 'schema',
    describe: 'print the JSON Schema of a topic file (--config: of deckhand.config.yaml; --project: write both)',
    builder: (y) =>
      y
        .option('config', {
          type: 'boolean',
          describe: 'print the schema of deckhand.config.yaml instead',
        })
        .option('project', {
          type: 'boolean',
          describe: 'write deckhand.schema.json (with the project’s audiences) and deckhand.config.schema.json',
        })
        .conflicts('config', 'project'),
    handler: async (argv) => {
      if (argv.config) return io.out(JSON.stringify(configJsonSchema(), null, 2));
      if (!argv.project) return io.out(JSON.stringify(topicJsonSchema(), null, 2));
      const loaded = await loadConfig({ cwd: io.cwd });
      if (!loaded.config) {
        reportDiagnostics(io, loaded.diagnostics);
        return setCode(1);
      }
      for (const path of writeProjectSchemas(loaded.config)) io.err(`wrote    ${displayPath(path, io.cwd)}`);
    },
  };
}

export function initCommand(io: Io): CommandModule {
  return {
    command: 'init [dir]',
    describe: 'scaffold a project: config, an example topic, templates, editor schemas and settings, .gitignore',
    builder: (y) => y.positional('dir', { type: 'string', default: '.', describe: 'project folder' }),
    handler: async (argv) => {
      const { root, created, updated, skipped } = await initProject(String(argv.dir), io.cwd);
      for (const f of created) io.err(`created  ${displayPath(f, io.cwd)}`);
      for (const f of updated) io.err(`updated  ${displayPath(f, io.cwd)}`);
      for (const f of skipped) io.err(`exists   ${displayPath(f, io.cwd)} (left as it is)`);
      // Outside a project that depends on deckhand, `deckhand` alone is not on PATH; npx finds it either way.
      const cd = root === resolve(io.cwd) ? '' : `cd ${shellQuote(displayPath(root, io.cwd))} && `;
      io.err(`next: ${cd}npx deckhand build`);
    },
  };
}

/** A path as the user can paste it into a POSIX shell. */
function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
