import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const RSS = new URL('./maxrss.cjs', import.meta.url).pathname;

/** One cold run: a fresh process; wall time (ms) and the peak RSS (MiB) of its Node process. */
export function coldRun(argv, { cwd, env = {}, before } = {}) {
  before?.();
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, NODE_OPTIONS: `--require ${RSS}`, BENCH_RSS_FILE: rssFile, CI: 'true' },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}):\n${r.stderr}`);
  let rss = 0;
  try {
    rss = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)) / 1024;
  } catch {}
  rmSync(rssFile, { force: true });
  return { ms, rss };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function hasCommand(cmd, args = ['--version']) {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

/** Starts a long-running process and resolves once its stderr/stdout matches `ready`. */
export function startProcess(argv, { cwd, ready, env = {} }) {
  const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env } });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d;
      if (ready.test(out)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code} before ready:\n${out}`)));
    setTimeout(() => reject(new Error(`not ready after 20 s:\n${out}`)), 20_000).unref();
  });
}
