import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { build } from '../build/build.js';
import { buildSession } from '../build/session.js';
import type { BuildOptions, BuildResult } from '../build/types.js';
import { CONFIG_FILE } from '../config/defaults.js';
import { loadConfig } from '../config/load.js';
import { TOPIC_EXTENSIONS } from '../content/load.js';
import { changeBatcher } from './changes.js';
import { watchPaths } from './paths-watcher.js';

/**
 * Editors save in bursts (write, rename, chmod): wait this long after the last event. Short, as
 * the batcher re-checks every file after chokidar's 50 ms window: a burst split in two costs a
 * second rebuild, never a lost edit.
 */
export const DEBOUNCE_MS = 15;

export interface WatchHooks {
  /** A rebuild starts because these files changed (absolute paths; empty for the first build). */
  onStart?(changed: readonly string[]): void;
  /** A rebuild ended: its result, or the error that stopped it (the watcher keeps running). */
  onBuild(result: BuildResult | undefined, failure?: unknown): void;
}

export interface WatchSession {
  /** The output folder (as configured when the session started). */
  outDir: string;
  /** Files and folders being watched. */
  watched(): string[];
  close(): Promise<void>;
}

/**
 * Builds, then rebuilds on every change of content, images, templates or config: a topic file or
 * one of its images rebuilds that topic; a template or the config rebuilds everything (the
 * incremental cache keeps that cheap); a deleted topic rebuilds with --clean. Changes during a
 * build are batched into the next one. A broken edit only reports: the session goes on.
 */
export async function watchProject(
  options: BuildOptions,
  hooks: WatchHooks,
  debounceMs = DEBOUNCE_MS,
): Promise<WatchSession> {
  const cwd = options.cwd ?? process.cwd();
  const configFile = resolve(cwd, options.config ?? CONFIG_FILE);
  const roots = async () => {
    const { config } = await loadConfig({ ...(options.config !== undefined ? { config: options.config } : {}), cwd });
    const topics = (options.paths?.length ? options.paths : [config?.content ?? resolve(cwd, 'content')]).map((p) =>
      resolve(cwd, p),
    );
    return {
      topics,
      templates: config?.templates,
      // Custom theme CSS shapes every deck: an edit rebuilds everything, like a template's.
      themes: (config?.themes ?? []).map((t) => t.path),
      outDir: resolve(cwd, options.out ?? config?.output ?? 'output'),
    };
  };
  let current = await roots();
  const deps = new Map<string, string[]>();
  // Worker threads (--jobs > 1) stay warm between rebuilds; after the first build this thread's
  // renderers load too, so the first edit does not wait for marp-core, pdfkit and the fonts.
  const session = buildSession();

  const run = async (changed: string[], paths: string[] | undefined, clean: boolean) => {
    hooks.onStart?.(changed);
    try {
      const result = await build({ ...options, session, ...(paths ? { paths } : {}), ...(clean ? { clean } : {}) });
      for (const s of result.sources) deps.set(s.files[0]!, s.files.slice(1));
      hooks.onBuild(result);
    } catch (e) {
      hooks.onBuild(undefined, e);
    }
  };
  // Edits made while the first build runs (before anything watches) would be lost: note the files'
  // times now and compare once the watcher is ready.
  const initial = watchList(current, configFile, deps);
  const before = fileTimes(initial);
  await run([], undefined, false);
  void session.prepare().catch(() => {}); // a failure shows again, reported, when a rebuild renders

  const inside = (p: string, dir: string | undefined) => dir !== undefined && (p === dir || p.startsWith(dir + sep));
  const isTopicFile = (p: string) =>
    (TOPIC_EXTENSIONS as readonly string[]).includes(extname(p).toLowerCase()) &&
    !basename(p).startsWith('.') &&
    current.topics.some((root) => root === p || (dirname(p) === root && isDir(root)));

  let queue = Promise.resolve();
  const batcher = changeBatcher(debounceMs, (batch) => {
    queue = queue
      .then(async () => {
        const changed = [...batch.keys()];
        const everything = changed.some(
          (p) => p === configFile || inside(p, current.templates) || current.themes.includes(p),
        );
        const deleted = [...batch].some(([p, event]) => event === 'unlink' && isTopicFile(p));
        if (everything || deleted) {
          if (changed.includes(configFile)) current = await roots();
          await run(changed, undefined, deleted);
        } else {
          const topics = new Set(changed.filter((p) => isTopicFile(p) && existsSync(p)));
          for (const [topic, images] of deps) if (images.some((i) => batch.has(i))) topics.add(topic);
          if (!topics.size) return;
          await run(changed, [...topics], false);
        }
        watcher.add(watchList(current, configFile, deps));
      })
      .catch((e: unknown) => hooks.onBuild(undefined, e)); // the session goes on
  });
  const watcher = await watchPaths(
    watchList(current, configFile, deps),
    (p) => inside(resolve(p), current.outDir) || basename(p).endsWith('.deckhand-tmp'),
    (event, path) => batcher.add(path, event),
  );
  for (const [p, time] of fileTimes(initial))
    if (before.get(p) !== time) batcher.add(p, before.has(p) ? 'change' : 'add');

  return {
    outDir: current.outDir,
    watched: () => watchList(current, configFile, deps),
    close: async () => {
      batcher.close();
      await watcher.close();
      await queue;
      await session.close();
    },
  };
}

/** The topic paths, the templates folder, the config file, its theme CSS files, and the images kept outside those. */
function watchList(
  roots: { topics: string[]; templates: string | undefined; themes: string[] },
  configFile: string,
  deps: ReadonlyMap<string, string[]>,
): string[] {
  const list = new Set([...roots.topics, configFile, ...roots.themes]);
  // Also when they do not exist yet: creating the templates folder or a config counts.
  if (roots.templates) list.add(roots.templates);
  const covered = (p: string) =>
    roots.topics.some((r) => p.startsWith(r + sep)) ||
    (roots.templates !== undefined && p.startsWith(roots.templates + sep));
  for (const images of deps.values()) for (const i of images) if (!covered(i)) list.add(i);
  return [...list];
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Modification times of the watched files and of the files directly inside watched folders. */
function fileTimes(paths: readonly string[]): Map<string, number> {
  const times = new Map<string, number>();
  const note = (p: string, descend: boolean) => {
    try {
      const info = statSync(p);
      if (info.isFile()) times.set(p, info.mtimeMs);
      else if (descend && info.isDirectory()) for (const name of readdirSync(p)) note(join(p, name), false);
    } catch {
      // not there (yet), or gone: the watcher reports what happens to it
    }
  };
  for (const p of paths) note(p, true);
  return times;
}
