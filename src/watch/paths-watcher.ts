import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FSWatcher } from 'chokidar';
import type { FileEvent } from './changes.js';

export interface PathsWatcher {
  /** Watches these too (chokidar ignores what it watches already). */
  add(paths: readonly string[]): void;
  close(): Promise<void>;
}

/**
 * chokidar over files and folders, some of which may not exist yet (the templates folder, the
 * config). Given to chokidar directly, a missing path makes it set up its parent folder after
 * 'ready', and an edit in the first moments after 'ready' is lost (seen with chokidar 5). So missing
 * paths are watched apart, through their parent folder one level deep; once one appears it joins
 * the main watcher.
 */
export async function watchPaths(
  paths: readonly string[],
  ignored: (path: string) => boolean,
  onEvent: (event: FileEvent, path: string) => void,
): Promise<PathsWatcher> {
  const { watch } = await import('chokidar');
  const waiting = new Set<string>();
  const parents = new Set<string>();
  const relay = (event: string, path: string) => {
    if (event === 'add' || event === 'addDir' || event === 'change' || event === 'unlink' || event === 'unlinkDir')
      onEvent(event, resolve(path));
  };
  const main = watch([], { ignoreInitial: true, ignored });
  main.on('all', relay);
  let appear: FSWatcher | undefined;
  const ready = (w: FSWatcher) => new Promise<void>((done) => w.once('ready', () => done()));

  const add = (list: readonly string[]) => {
    const present = list.filter((p) => existsSync(p));
    if (present.length) main.add(present);
    const dirs = list.filter((p) => !existsSync(p) && !waiting.has(p)).map((p) => (waiting.add(p), dirname(p)));
    const fresh = [...new Set(dirs)].filter((d) => !parents.has(d) && existsSync(d));
    for (const d of fresh) parents.add(d);
    if (!fresh.length) return undefined;
    if (appear) return void appear.add(fresh);
    appear = watch(fresh, {
      ignoreInitial: true,
      depth: 0,
      ignored: (p) => !parents.has(resolve(p)) && !waiting.has(resolve(p)),
    });
    appear.on('all', (event, path) => {
      const p = resolve(path);
      if (!waiting.has(p) || (event !== 'add' && event !== 'addDir')) return;
      waiting.delete(p);
      main.add(p);
      relay(event, p);
    });
    return appear;
  };

  const first = add(paths);
  await Promise.all([ready(main), ...(first ? [ready(first)] : [])]);
  return {
    add: (list) => void add(list),
    close: async () => {
      await Promise.all([main.close(), appear?.close()]);
    },
  };
}
