import { runCli } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import type { CliRun } from './project.js';

/**
 * Runs the CLI in this process (`runCli`, what the bin calls), with its output captured: the same
 * code path as a spawned `deckhand`, minus process start-up and the bundle. Tests of behaviour use
 * this; tests/e2e spawns the built CLI for what only a real process shows (signals, exit, TTY).
 */
export async function runDeckhand(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  stdin?: string,
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => void out.push(t + '\n'),
    err: (t) => void err.push(t + '\n'),
    errRaw: (t) => void err.push(t),
    color: false,
    interactive: false,
    columns: 100,
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    ...(stdin !== undefined ? { stdin: async () => stdin } : {}),
  };
  const code = await runCli(args, io);
  return { code, signal: null, stdout: out.join(''), stderr: err.join(''), timedOut: false };
}
