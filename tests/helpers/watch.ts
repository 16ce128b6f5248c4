import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach } from 'vitest';
import { CLI } from './project.js';

// `deckhand watch` as a child process, for the watch tests: started, its stderr collected, killed after each test.

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** Starts `deckhand watch …` in `cwd` and collects its stderr. */
export function startWatch(args: string[], cwd: string) {
  const child = spawn(process.execPath, [CLI, 'watch', ...args], {
    cwd,
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return { child, stderr: () => stderr };
}

/** Polls `fn` until it gives a value; on time-out the error shows what the watcher said. */
export async function waitFor<T>(
  what: string,
  fn: () => T | undefined | false,
  log: () => string = () => '',
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; deckhand watch said:\n${log()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits for `watch --serve` to say where it serves and that it watches; gives the server's base URL. */
export async function served(w: { stderr: () => string }): Promise<string> {
  const base = await waitFor(
    'the server',
    () => /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(w.stderr())?.[1],
    w.stderr,
  );
  await waitFor('the watcher', () => w.stderr().includes('watching'), w.stderr);
  return base;
}
