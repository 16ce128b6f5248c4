import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { displayPath } from '../config/load.js';
import { TOPIC_EXTENSIONS } from './load.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';

const isTopicFile = (name: string) =>
  (TOPIC_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase()) && !name.startsWith('.');

/** Topic files from the given paths (files or folders; folders are searched one level deep), sorted. */
export function discoverTopics(paths: readonly string[], cwd: string): { files: string[]; diagnostics: Diagnostic[] } {
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) {
      diagnostics.push(
        error(Codes.fileRead, 'no such file or folder', {
          file: displayPath(abs, cwd),
          hint: 'pass topic files or folders that exist',
        }),
      );
      continue;
    }
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) {
        if (!isTopicFile(name)) continue;
        const path = join(abs, name);
        // A dangling symlink: say so rather than skip it silently (or crash on it).
        const info = statSync(path, { throwIfNoEntry: false });
        if (!info)
          diagnostics.push(
            error(Codes.fileRead, 'cannot read file: it is a link to a file that does not exist', {
              file: displayPath(path, cwd),
              hint: 'fix or remove the link',
            }),
          );
        else if (info.isFile()) files.add(path);
      }
    } else files.add(abs);
  }
  const sorted = [...files].sort();
  const bySlug = new Map<string, string>();
  for (const f of sorted) {
    const slug = basename(f, extname(f));
    const other = bySlug.get(slug);
    // The slug names the output folder: "..." would give "..", and the outputs would land outside it.
    if (slug === '' || slug.startsWith('.')) {
      diagnostics.push(
        error(Codes.topicName, `the file name "${basename(f)}" gives the topic no usable name ("${slug}")`, {
          file: displayPath(f, cwd),
          hint: 'rename the file: its name without the extension names the output folder and cannot start with "."',
        }),
      );
    } else if (other) {
      diagnostics.push(
        error(Codes.duplicateId, `topic "${slug}" is defined twice (also in ${displayPath(other, cwd)})`, {
          file: displayPath(f, cwd),
          hint: 'each topic slug (file name without extension) must be unique',
        }),
      );
    } else bySlug.set(slug, f);
  }
  return { files: [...bySlug.values()], diagnostics };
}
