import { existsSync, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { translationName } from './translation-schema.js';
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
): { files: string[]; translations: TranslationFile[]; diagnostics: Diagnostic[] } {
  const found = discoverTopics(paths?.length ? paths : [contentDir]);
  if (found.files.length || found.diagnostics.length) return found;
  const file = paths?.[0] ?? contentDir;
  return {
    files: [],
    translations: [],
    diagnostics: [
      error(Codes.noTopics, 'no topic files found', { file, hint: 'topics are .yaml, .yml or .json files' }),
    ],
  };
}

/** A translation file found beside its source (`<slug>.<lang>.yaml`). */
export interface TranslationFile {
  path: string;
  slug: string;
  lang: string;
}

/**
 * Topic files from the given paths (files or folders; folders are searched one level deep), sorted.
 * `<slug>.<lang>.yaml` files are translations, not topics: they come back in `translations`, each
 * beside a source that exists (one without is an error). `paths` are absolute.
 */
export function discoverTopics(paths: readonly string[]): {
  files: string[];
  translations: TranslationFile[];
  diagnostics: Diagnostic[];
} {
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const cannot = (file: string, why: string, hint: string) =>
    diagnostics.push(error(Codes.fileRead, why, { file, hint }));
  const named = new Set<string>();
  for (const p of paths) {
    const abs = resolve(p);
    const top = look(abs);
    if (top === 'ENOENT') {
      cannot(abs, 'no such file or folder', 'pass topic files or folders that exist');
      continue;
    }
    if (typeof top === 'string') {
      cannot(abs, `cannot read: ${reason(top)}`, 'fix the link or the permissions, or pass another path');
      continue;
    }
    if (top.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(abs).sort();
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? String(e);
        cannot(abs, `cannot read the folder: ${reason(code)}`, 'check that the folder is readable');
        continue;
      }
      for (const name of names) {
        if (!isTopicFile(name)) continue;
        const path = join(abs, name);
        const info = look(path);
        // A dangling symlink or a link loop: say so rather than skip it silently (or crash on it).
        if (info === 'ENOENT')
          cannot(path, 'cannot read file: it is a link to a file that does not exist', 'fix or remove the link');
        else if (typeof info === 'string') cannot(path, `cannot read file: ${reason(info)}`, 'fix or remove the link');
        else if (info.isFile()) files.add(path);
      }
    } else if (translationName(basename(abs, extname(abs)))) {
      // A translation given by name builds with its source (which must exist).
      named.add(abs);
      const t = translationName(basename(abs, extname(abs)))!;
      const source = TOPIC_EXTENSIONS.map((e) => join(dirname(abs), t.slug + e)).find((f) => existsSync(f));
      if (source) files.add(source);
    } else files.add(abs);
  }
  const translations: TranslationFile[] = [];
  for (const f of [...files]) {
    const t = translationName(basename(f, extname(f)));
    if (!t) continue;
    files.delete(f);
    named.add(f);
  }
  // Each source's translations are the files beside it named <slug>.<lang>.<ext>.
  const sources = new Map([...files].map((f) => [join(dirname(f), basename(f, extname(f))), f]));
  const folders = new Set([...files, ...named].map((f) => dirname(f)));
  for (const dir of [...folders].sort()) {
    for (const name of readdirSync(dir).sort()) {
      if (!isTopicFile(name)) continue;
      const t = translationName(basename(name, extname(name)));
      const path = join(dir, name);
      if (!t || !statSync(path, { throwIfNoEntry: false })?.isFile()) continue;
      const source = sources.get(join(dir, t.slug));
      if (source) translations.push({ path, slug: t.slug, lang: t.lang });
      else if (named.has(path))
        diagnostics.push(
          error(
            Codes.translation,
            `"${name}" is a translation of "${t.slug}", but there is no ${t.slug}.yaml beside it`,
            {
              file: path,
              hint:
                `translations sit beside their source topic: ${t.slug}.yaml (or .yml, .json) in the same folder; ` +
                `check the name before ".${t.lang}"`,
            },
          ),
        );
    }
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
  const kept = new Set(bySlug.values());
  return {
    files: [...kept],
    translations: translations.filter((t) => kept.has(sources.get(join(dirname(t.path), t.slug))!)),
    diagnostics,
  };
}

/** What is at a path (following links), or the error code that says why nothing usable is. */
function look(path: string): Stats | string {
  try {
    return statSync(path);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? String(e);
  }
}

function reason(code: string): string {
  return code === 'ELOOP'
    ? 'it is a link that leads to itself (a symlink loop)'
    : code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOTDIR'
        ? 'a part of the path is a file, not a folder'
        : code;
}
