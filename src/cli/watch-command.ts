import type { CommandModule } from 'yargs';
import type { BuildResult } from '../build/types.js';
import { formatLocation, sortDiagnostics, UsageError } from '../errors/diagnostic.js';
import type { ShownProblem } from '../watch/live-reload.js';
import { startPreviewServer, type PreviewServer } from '../watch/server.js';
import { watchProject } from '../watch/watch.js';
import { buildOptions, selectionOptions } from './build-options.js';
import { displayDiagnostic, usageText } from './display.js';
import { formatMs, shortPath } from './format.js';
import { reportDiagnostics, type Io } from './io.js';
import { artifactLine } from './reporter.js';

export const DEFAULT_PORT = 3210;

export function watchCommand(io: Io): CommandModule {
  return {
    command: 'watch [paths..]',
    describe: 'build, then rebuild what changes; --serve previews the output with live reload',
    builder: (y) =>
      selectionOptions(y)
        .option('serve', {
          type: 'boolean',
          default: false,
          describe: 'serve the output on 127.0.0.1 with an index page and live reload',
        })
        .option('port', { type: 'number', default: DEFAULT_PORT, describe: 'port for --serve (0: any free port)' }),
    handler: async (argv) => {
      const options = buildOptions(argv, io);
      // Checked before anything starts: a usage error must end the command, not leave a watcher running.
      const port = Number(argv.port);
      if (argv.serve && (!Number.isInteger(port) || port < 0 || port > 65535))
        throw new UsageError(`--port must be 0–65535, got "${String(argv.port)}"`);
      let server: PreviewServer | undefined;
      // The first build runs before the server starts: a broken project shows its errors from the first page on.
      let lastProblems: ShownProblem[] = [];
      const session = await watchProject(options, {
        onStart: (changed) => {
          if (changed.length) io.err(`\n[${clock()}] ${changed.map((p) => shortPath(p, io.cwd)).join(', ')} changed`);
        },
        onBuild: (result, failure) => {
          if (failure) {
            if (failure instanceof UsageError) io.err(`deckhand: ${usageText(failure, io.cwd)}`);
            else
              io.err(
                `deckhand: internal error — this is a bug, please report ` +
                  `it.\n${(failure as Error).stack ?? String(failure)}`,
              );
          }
          if (result) report(io, result);
          const changed = result?.artifacts.filter((a) => a.written).map((a) => a.path) ?? [];
          if (server && (changed.length || result?.removed.length)) server.notify(changed);
          lastProblems = shownProblems(io, result, failure);
          server?.problems(lastProblems);
        },
      });
      if (argv.serve) {
        try {
          server = await startPreviewServer(session.outDir, port);
        } catch (e) {
          await session.close();
          if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE')
            throw new UsageError(`port ${port} is in use; pick another with --port (0: any free port)`);
          throw e;
        }
        server.problems(lastProblems);
        io.err(`serving ${server.url} (live reload)`);
      }
      io.err(
        `watching ${session
          .watched()
          .map((p) => shortPath(p, io.cwd))
          .join(', ')} — Ctrl-C to stop`,
      );
      // Runs until Ctrl-C: the bin's signal handler removes temp files and exits.
      await new Promise<never>(() => {});
    },
  };
}

/** What the preview's overlay shows for a failed rebuild (nothing for a good one): positioned, short paths. */
function shownProblems(io: Io, result: BuildResult | undefined, failure: unknown): ShownProblem[] {
  if (failure !== undefined && failure !== null) {
    const message =
      failure instanceof UsageError
        ? usageText(failure, io.cwd)
        : `internal error (a bug, please report it): ${String((failure as Error).message ?? failure)}`;
    return [
      {
        where: 'deckhand',
        severity: 'error',
        message,
        code: failure instanceof UsageError ? 'DH_USAGE' : 'DH_INTERNAL',
      },
    ];
  }
  if (!result || result.ok) return [];
  return sortDiagnostics(result.diagnostics.map((d) => displayDiagnostic(d, io.cwd))).map((d) => ({
    where: formatLocation(d),
    severity: d.severity,
    message: d.message,
    code: d.code,
    ...(d.hint ? { hint: d.hint } : {}),
  }));
}

/** Per rebuild: what changed on disk (not the cached rest), the problems, one closing line. */
function report(io: Io, result: BuildResult): void {
  for (const a of result.artifacts) if (a.status !== 'cached') io.err(artifactLine(a));
  for (const path of result.removed) io.err(`removed    ${path}`);
  reportDiagnostics(io, result.diagnostics);
  const rendered = result.artifacts.filter((a) => a.status !== 'cached').length;
  const took = formatMs(result.timings.total ?? 0);
  io.err(
    result.ok
      ? `[${clock()}] rendered ${rendered} of ${result.artifacts.length} artifacts in ${took}; waiting for changes`
      : `[${clock()}] not built; fix the errors above and save again`,
  );
}

const clock = () => new Date().toTimeString().slice(0, 8);
