import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { findTopics } from '../content/discover.js';
import { loadTopic, TOPIC_EXTENSIONS } from '../content/load.js';
import { loadTopics } from '../content/load-topics.js';
import { markDone, newTranslation, updateTranslation } from '../content/translation-file.js';
import { LANG_TAG, translationName } from '../content/translation-schema.js';
import { loadTranslation } from '../content/load-translation.js';
import { UsageError, type Diagnostic } from '../errors/diagnostic.js';
import { writeAtomic } from '../output/atomic-write.js';
import { displayPath } from './display.js';
import { reportDiagnostics, type Io } from './io.js';

/** `deckhand translate <topic> --lang <tag>` and `deckhand translate --done <file>`. */
export function translateCommand(io: Io, setCode: (c: number) => void): CommandModule {
  return {
    command: 'translate [topic]',
    describe: 'start or update a translation (content/<slug>.<lang>.yaml); --done records the source it matches',
    builder: (y) =>
      y
        .positional('topic', { type: 'string', describe: 'topic slug or file' })
        .option('lang', { alias: 'l', type: 'string', describe: 'target language, a BCP 47 tag (e.g. es-US)' })
        .option('done', { type: 'string', describe: 'translation file whose texts now match the current source' })
        .option('config', { alias: 'c', type: 'string', describe: 'config file' }),
    handler: async (argv) => {
      const config = await configOrReport(io, argv.config as string | undefined, setCode);
      if (!config) return;
      if (typeof argv.done === 'string') return done(io, config, resolve(io.cwd, argv.done), setCode);
      const topicArg = argv.topic as string | undefined;
      const lang = argv.lang as string | undefined;
      if (!topicArg) throw new UsageError('name the topic to translate, e.g. deckhand translate my-topic --lang es-US');
      if (!lang || !LANG_TAG.test(lang))
        throw new UsageError('give the target language as a BCP 47 tag with --lang, e.g. --lang es-US', 'lang');
      const sourcePath = findSource(topicArg, config, io.cwd);
      const loaded = await loadTopic(sourcePath, config);
      if (!loaded.topic) return fail(io, loaded.diagnostics, setCode);
      const topic = loaded.topic;
      const existing = TOPIC_EXTENSIONS.map((e) => join(dirname(sourcePath), `${topic.slug}.${lang}${e}`)).find((f) =>
        existsSync(f),
      );
      const target = existing ?? join(dirname(sourcePath), `${topic.slug}.${lang}.yaml`);
      if (existing && extname(existing) === '.json')
        throw new UsageError(`${displayPath(existing, io.cwd)} is JSON: update it by hand (translate writes YAML)`);
      if (!existing) {
        writeAtomic(target, new TextEncoder().encode(newTranslation(topic.slug, lang, topic.data)));
        io.err(`created  ${displayPath(target, io.cwd)}: ${topic.data.sections.length} sections to translate`);
      } else {
        const { text, added } = updateTranslation(readFileSync(existing, 'utf8'), topic.data);
        if (added.length) writeAtomic(target, new TextEncoder().encode(text));
        io.err(
          added.length
            ? `updated  ${displayPath(target, io.cwd)}: added ${added.map((a) => `"${a}"`).join(', ')} (untranslated)`
            : `${displayPath(target, io.cwd)} has every section of the source`,
        );
      }
      io.err(
        `next: translate the texts marked "untranslated: true", then deckhand translate --done ` +
          `${displayPath(target, io.cwd)}`,
      );
    },
  };
}

async function done(io: Io, config: ResolvedConfig, file: string, setCode: (c: number) => void) {
  const name = translationName(basename(file, extname(file)));
  if (!name || !existsSync(file))
    throw new UsageError(
      `${displayPath(file, io.cwd)} is not a translation file (<slug>.<lang>.yaml, which must exist)`,
    );
  const sourcePath = TOPIC_EXTENSIONS.map((e) => join(dirname(file), name.slug + e)).find((f) => existsSync(f));
  if (!sourcePath) throw new UsageError(`there is no ${name.slug}.yaml beside ${displayPath(file, io.cwd)}`);
  const loaded = await loadTopic(sourcePath, config);
  if (!loaded.topic) return fail(io, loaded.diagnostics, setCode);
  const text = markDone(readFileSync(file, 'utf8'), loaded.topic.data);
  writeAtomic(file, new TextEncoder().encode(text));
  // Structure problems still show: --done records hashes, it does not make a translation complete.
  const check = await loadTranslation({ path: file, ...name }, loaded.topic, config, {
    fallback: 'none',
    marker: () => '',
  });
  io.err(`recorded the current source of ${name.slug} in ${displayPath(file, io.cwd)}`);
  if (check.diagnostics.length) fail(io, check.diagnostics, setCode);
}

/** `deckhand translations`: every topic × language — complete, stale (which sections), missing. */
export function translationsCommand(io: Io, setCode: (c: number) => void): CommandModule {
  return {
    command: 'translations [paths..]',
    describe: 'list every topic × language: complete, stale (which sections) or missing',
    builder: (y) =>
      y
        .positional('paths', { type: 'string', array: true, describe: 'topic files or folders' })
        .option('config', { alias: 'c', type: 'string', describe: 'config file' }),
    handler: async (argv) => {
      const config = await configOrReport(io, argv.config as string | undefined, setCode);
      if (!config) return;
      const paths = (argv.paths as string[] | undefined)?.map((p) => resolve(io.cwd, p));
      const found = findTopics(paths?.length ? paths : undefined, config.content);
      // Loaded with fallback, so a gap is listed (not a failed load); structure errors still count.
      const lenient = { ...config, translations: { fallback: 'source' as const } };
      const loaded = await loadTopics(found.files, lenient, found.translations);
      const langs = [...new Set(found.translations.map((t) => t.lang))].sort();
      const rows: string[][] = [['topic', 'language', 'status']];
      for (const topic of loaded.topics) {
        for (const lang of langs) {
          const t = topic.translations?.find((x) => x.lang === lang);
          const file = found.translations.find((x) => x.slug === topic.slug && x.lang === lang);
          const status = !file
            ? 'missing (no file)'
            : !t
              ? 'broken (see the errors below)'
              : t.fallback.length
                ? `incomplete: ${t.fallback.length} untranslated ` +
                  `(${t.fallback.slice(0, 3).join('; ')}${t.fallback.length > 3 ? '; …' : ''})`
                : t.stale.length
                  ? `stale: ${t.stale.join(', ')}`
                  : 'complete';
          rows.push([topic.slug, lang, status]);
        }
      }
      if (!langs.length)
        io.out('no translations (content/<slug>.<lang>.yaml); start one with deckhand translate <topic> --lang <tag>');
      else {
        const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
        for (const r of rows) io.out(`${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}`);
      }
      const errors = [...found.diagnostics, ...loaded.diagnostics].filter((d) => d.severity === 'error');
      if (errors.length) fail(io, errors, setCode);
    },
  };
}

async function configOrReport(io: Io, file: string | undefined, setCode: (c: number) => void) {
  const { config, diagnostics } = await loadConfig({ ...(file !== undefined ? { config: file } : {}), cwd: io.cwd });
  if (!config) fail(io, diagnostics, setCode);
  return config;
}

function fail(io: Io, diagnostics: Diagnostic[], setCode: (c: number) => void) {
  reportDiagnostics(io, diagnostics);
  setCode(diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
}

/** A topic named by slug (in the content folder) or by path. */
function findSource(arg: string, config: ResolvedConfig, cwd: string): string {
  const asPath = resolve(cwd, arg);
  if (existsSync(asPath) && !translationName(basename(asPath, extname(asPath)))) return asPath;
  const inContent = TOPIC_EXTENSIONS.map((e) => join(config.content, arg + e)).find((f) => existsSync(f));
  if (inContent) return inContent;
  throw new UsageError(`no topic "${arg}" (looked for ${arg}.yaml in ${displayPath(config.content, cwd)})`);
}
