import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, parse, relative, sep } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';

/** A path with its links resolved, as far as it exists (an output folder may not exist yet). */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(real(parent), basename(path));
  }
}

const within = (outer: string, inner: string) => {
  const rel = relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/**
 * The output folder deckhand may write into: never `/`, the project root, or a folder that is,
 * holds or lies inside the content or templates folder. `-o content` would work once, then every
 * build would read manifest.json as a topic; `--clean` in the project root or `/` is a bad day.
 */
export function outDirProblem(outDir: string, config: ResolvedConfig): Diagnostic | undefined {
  const out = real(outDir);
  const fail = (why: string) =>
    error(Codes.output, `the output folder ${outDir} ${why}`, {
      file: config.file ?? outDir,
      hint: 'pick a folder of its own for the outputs, e.g. "output" in the project root',
      option: 'out',
    });
  if (out === parse(out).root) return fail('is the root of the file system');
  if (out === real(config.root)) return fail('is the project root');
  for (const [name, dir] of [
    ['content', config.content],
    ['templates', config.templates],
  ] as const) {
    const other = real(dir);
    if (out === other) return fail(`is the ${name} folder`);
    if (within(other, out)) return fail(`lies inside the ${name} folder`);
    if (within(out, other)) return fail(`holds the ${name} folder`);
  }
  return undefined;
}
