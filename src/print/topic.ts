import { existsSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Audience, ResolvedConfig } from '../config/types.js';
import { discoverTopics } from '../content/discover.js';
import { TOPIC_EXTENSIONS } from '../content/load.js';
import { topicAudiences } from '../content/resolve.js';
import type { Topic } from '../content/types.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { didYouMean } from '../errors/suggest.js';

/**
 * `<topic>` as given: a topic file (a path that exists, or one with a topic extension), else a slug
 * looked up in the configured content folder.
 */
export function findTopicFile(
  arg: string,
  cwd: string,
  config: ResolvedConfig,
): { file?: string; diagnostics: Diagnostic[] } {
  const asPath = resolve(cwd, arg);
  const looksLikeFile =
    arg.includes('/') || arg.includes('\\') || (TOPIC_EXTENSIONS as readonly string[]).includes(extname(arg));
  if (existsSync(asPath) && statSync(asPath).isFile()) return { file: asPath, diagnostics: [] };
  if (looksLikeFile)
    return {
      diagnostics: [
        error(Codes.fileRead, 'no such topic file', {
          file: asPath,
          hint: 'give a topic file that exists, or a topic slug (its file name without .yaml)',
        }),
      ],
    };
  const found = discoverTopics([config.content]);
  const slugs = found.files.map((f) => basename(f, extname(f)));
  const i = slugs.indexOf(arg);
  if (i >= 0) return { file: found.files[i]!, diagnostics: [] };
  return {
    diagnostics: [
      error(Codes.noTopics, `no topic "${arg}" in the content folder${didYouMean(arg, slugs)}`, {
        file: config.content,
        hint: slugs.length
          ? `topics: ${slugs.slice(0, 12).join(', ')}${slugs.length > 12 ? ', …' : ''}`
          : 'topics are .yaml, .yml or .json files in the content folder',
      }),
    ],
  };
}

/** The audience asked for, if the config has it and the topic is written for it. */
export function pickAudience(
  name: string,
  topic: Topic,
  config: ResolvedConfig,
): { audience?: Audience; diagnostics: Diagnostic[] } {
  const known = config.audiences.map((a) => a.name);
  const fail = (message: string, hint: string) => ({
    diagnostics: [error(Codes.unknownAudience, message, { file: topic.path, hint, option: 'audience' })],
  });
  if (!known.includes(name))
    return fail(`unknown audience "${name}"${didYouMean(name, known)}`, `configured audiences: ${known.join(', ')}`);
  const audience = topicAudiences(topic, config).find((a) => a.name === name);
  if (!audience)
    return fail(
      `topic "${topic.slug}" is not written for audience "${name}"`,
      `its audiences: ${topicAudiences(topic, config)
        .map((a) => a.name)
        .join(', ')}`,
    );
  return { audience, diagnostics: [] };
}

/**
 * The language to print in. Translations (issue 17: `<slug>.<lang>.yaml` beside the topic) are the
 * seam here: until they exist, a topic prints in its own language only, and asking for another is
 * an error rather than a handout in the wrong language.
 */
export function pickLanguage(
  wanted: string | undefined,
  topic: Topic,
  topicLang: string,
): { lang?: string; diagnostics: Diagnostic[] } {
  if (wanted === undefined || wanted.toLowerCase() === topicLang.toLowerCase())
    return { lang: topicLang, diagnostics: [] };
  return {
    diagnostics: [
      error(
        Codes.unknownLanguage,
        `topic "${topic.slug}" has no "${wanted}" version (it is written in "${topicLang}")`,
        {
          file: topic.path,
          hint: `print it in ${topicLang}, or add a translation of the topic`,
          option: 'lang',
        },
      ),
    ],
  };
}
