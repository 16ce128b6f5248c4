import type { CommandModule } from 'yargs';
import { build } from '../build/build.js';
import type { Io } from './io.js';
import { reportDiagnostics } from './io.js';

const list = (v: unknown): string[] | undefined => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean));

export function buildCommand(io: Io, setCode: (c: number) => void): CommandModule {
  return {
    command: 'build [paths..]',
    describe: 'build slides and handouts for every topic and audience',
    builder: (y) =>
      y
        .positional('paths', { describe: 'topic files or folders (default: the configured content folder)', type: 'string', array: true })
        .option('audience', { alias: 'a', type: 'string', array: true, describe: 'only these audiences (comma-separated or repeated)' })
        .option('format', { alias: 'f', type: 'string', array: true, describe: 'slides | handout | slides-pdf (default: slides,handout)' })
        .option('out', { alias: 'o', type: 'string', describe: 'output folder (default: the configured one)' })
        .option('config', { alias: 'c', type: 'string', describe: 'config file (default: ./deckhand.config.yaml when present)' })
        .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON on stdout' }),
    handler: async (argv) => {
      const result = await build({
        paths: list(argv.paths),
        audiences: list(argv.audience),
        formats: list(argv.format),
        ...(typeof argv.out === 'string' ? { out: argv.out } : {}),
        ...(typeof argv.config === 'string' ? { config: argv.config } : {}),
      });
      if (argv.json) {
        io.out(JSON.stringify({ ok: result.ok, outDir: result.outDir, artifacts: result.artifacts, diagnostics: result.diagnostics, timings: result.timings }, null, 2));
      } else {
        for (const a of result.artifacts) io.err(`${a.written ? 'wrote' : 'same '}  ${a.path}  (${formatBytes(a.bytes)}${a.pages ? `, ${a.pages} ${a.format === 'handout' ? 'pages' : 'slides'}` : ''})`);
      }
      if (!argv.json) reportDiagnostics(io, result.diagnostics);
      const topics = new Set(result.artifacts.map((a) => a.topic)).size;
      if (!argv.json && result.ok) io.err(`built ${result.artifacts.length} artifacts for ${topics} topic${topics === 1 ? '' : 's'} in ${Math.round(Object.values(result.timings).reduce((a, b) => a + b, 0))} ms → ${result.outDir}`);
      setCode(result.ok ? 0 : 1);
    },
  };
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1048576).toFixed(1)} MiB`;
}
