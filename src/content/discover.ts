import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { TOPIC_EXTENSIONS } from './load.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';

const isTopicFile = (name: string) =>
  (TOPIC_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase()) && !name.startsWith('.');

/**
 * The topic files a run covers: `paths` (absolute) when given, else the content folder. Finding none
 * is an error.
 */
export function findTopics(
  paths: readonly string[] | undefined,
  contentDir: string,
): { files: string[]; diagnostics: Diagnostic[] } {
  const found = discoverTopics(paths?.length ? paths : [contentDir]);
  if (found.files.length || found.diagnostics.length) return found;
  const file = paths?.[0] ?? contentDir;
  return {
    files: [],
    diagnostics: [
      error(Codes.noTopics, 'no topic files found', { file, hint: 'topics are .yaml, .yml or .json files' }),
    ],
  };
}

/** Topic files from the given paths (files or folders; folders are searched one level deep), sorted. */
/** `paths` are absolute (the caller resolves them against its working directory). */
export function discoverTopics(paths: readonly string[]): { files: string[]; diagnostics: Diagnostic[] } {
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    if (!existsSync(abs)) {
      diagnostics.push(
        error(Codes.fileRead, 'no such file or folder', {
          file: abs,
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
              file: path,
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
          file: f,
          hint: 'rename the file: its name without the extension names the output folder and cannot start with "."',
        }),
      );
    } else if (other) {
      diagnostics.push(
        error(Codes.duplicateId, `topic "${slug}" is defined twice (also in ${other})`, {
          file: f,
          hint: 'each topic slug (file name without extension) must be unique',
        }),
      );
    } else bySlug.set(slug, f);
  }
  return { files: [...bySlug.values()], diagnostics };
}
