import { dirname } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Audience } from '../config/types.js';
import { loadTopic } from '../content/load.js';
import { resolveTopic } from '../content/resolve.js';
import type { ResolvedTopic, Topic } from '../content/types.js';
import { Codes } from '../errors/codes.js';
import { error, hasErrors, type Diagnostic } from '../errors/diagnostic.js';
import { sweepTempFiles, writeAtomic } from '../output/atomic-write.js';
import { VERSION } from '../paths.js';
import type { RenderInput } from '../render/types.js';
import { RenderError } from '../render/types.js';
import { createTemplateEngine } from '../templates/engine.js';
import { imageUrls, templateContext } from '../view/template-context.js';
import type { VisitRecord } from './data.js';
import { printDate } from './date.js';
import { personalLeaks, redact } from './guard.js';
import { readVisitData } from './read-data.js';
import { planTargets, type Target } from './targets.js';
import { findTopicFile, pickAudience, pickLanguage } from './topic.js';
import { visitContext } from './visit-context.js';

export interface PrintOptions {
  /** A topic file or a topic slug (looked up in the configured content folder). */
  topic: string;
  audience: string;
  /** BCP 47 tag; default: the topic's own language. */
  lang?: string;
  /** The data file, or `-` for `stdin`. */
  data: string;
  /** Standard input's text, when `data` is `-` (the library never reads the process's stdin itself). */
  stdin?: string;
  /** A .pdf file, or a folder (one PDF per record). */
  out?: string;
  /** All records into one PDF, each starting on a new sheet. */
  combine?: boolean;
  config?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface PrintedFile {
  /** Absolute. */
  path: string;
  /** The record numbers it holds (1-based, in data order). */
  records: number[];
  pages: number;
  bytes: number;
}

export interface PrintResult {
  ok: boolean;
  files: PrintedFile[];
  /** How many records the data held (0 when it could not be read). */
  records: number;
  diagnostics: Diagnostic[];
}

/**
 * `deckhand print`: one topic for one audience, merged with each record of a personal data file,
 * typeset into PDFs written only where `out` says. Never prints, never exits, and never touches the
 * build's output folder, manifest or cache. Every problem — topic, audience, data, file names — is
 * found before anything is rendered, and nothing is written unless every handout rendered.
 *
 * Privacy: personal values go into the template's Markdown and from there only into page content.
 * Messages name records by number and fields by name, never a value (see guard.ts).
 */
export async function printHandouts(options: PrintOptions): Promise<PrintResult> {
  const cwd = options.cwd ?? process.cwd();
  const date = printDate(options.env);
  const diagnostics: Diagnostic[] = [];
  const result = (files: PrintedFile[] = [], records = 0): PrintResult => ({
    ok: !hasErrors(diagnostics),
    files,
    records,
    diagnostics,
  });

  const [loaded, data] = await Promise.all([
    loadConfig({ ...(options.config !== undefined ? { config: options.config } : {}), cwd }),
    readVisitData(options.data, options.stdin, cwd),
  ]);
  diagnostics.push(...loaded.diagnostics, ...data.diagnostics);
  const config = loaded.config;
  if (!config) return result([], data.records.length);

  const unit = await topicUnit(options, cwd, config, diagnostics);
  if (!unit || hasErrors(diagnostics)) return result([], data.records.length);
  const { topic, audience, resolved, lang } = unit;

  const planned = planTargets(data.records, {
    ...(options.out !== undefined ? { out: options.out } : {}),
    combine: Boolean(options.combine),
    cwd,
    stem: `${topic.slug}-${audience.name}`,
  });
  diagnostics.push(...planned.diagnostics);
  if (hasErrors(diagnostics)) return result([], data.records.length);

  // The templates, then each record's Markdown: all in memory before any typesetting.
  const engine = createTemplateEngine(config.templates);
  diagnostics.push(...engine.check('handout', audience.name));
  if (hasErrors(diagnostics)) return result([], data.records.length);
  const { urls, byUrl } = imageUrls(topic, dirname(topic.path));
  const base = templateContext(resolved, 'handout', audience, config, { date: isoDay(date), version: VERSION }, urls);
  const markdown = new Map<number, string>();
  const unused = engine.render('handout', audience.name, base).text;
  for (const record of data.records) {
    const out = engine.render('handout', audience.name, { ...base, lang, visit: visitContext(record, lang) });
    diagnostics.push(...out.diagnostics.map((d) => redact(d, record)));
    if (out.text === undefined) break; // the same template fails the same way for every record
    diagnostics.push(...personalLeaks(out.text, record, audience.name));
    markdown.set(record.number, out.text);
  }
  if (!hasErrors(diagnostics) && unused !== undefined && data.records.every((r) => markdown.get(r.number) === unused))
    diagnostics.push(
      error(Codes.template, `the handout template of audience "${audience.name}" does not use "visit"`, {
        hint:
          'the handouts would carry no personal data: show {{visit.patient}} and the other fields (see the ' +
          'built-in handout.md.hbs)',
      }),
    );
  if (hasErrors(diagnostics)) return result([], data.records.length);

  const input = (record: VisitRecord): RenderInput => ({
    topic: resolved,
    audience,
    markdown: markdown.get(record.number)!,
    images: byUrl,
    config,
    date,
    version: VERSION,
  });
  const rendered = await renderTargets(planned.targets, input, Boolean(options.combine), diagnostics);
  if (!rendered || hasErrors(diagnostics)) return result([], data.records.length);

  // A print killed with SIGKILL mid-write leaves its temp file (a personal PDF) beside the target: swept now.
  sweepTempFiles(new Set(rendered.map((r) => dirname(r.target.path))));
  const files: PrintedFile[] = [];
  for (const { target, bytes, pages } of rendered) {
    try {
      writeAtomic(target.path, bytes);
    } catch (e) {
      diagnostics.push(
        error(Codes.output, `cannot write ${target.path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, {
          hint: 'check that the folder exists and can be written',
          option: 'out',
        }),
      );
      break;
    }
    files.push({ path: target.path, records: target.records.map((r) => r.number), pages, bytes: bytes.length });
  }
  return result(files, data.records.length);
}

interface TopicUnit {
  topic: Topic;
  audience: Audience;
  resolved: ResolvedTopic;
  lang: string;
}

/** The topic found, loaded, checked for the audience and language, and resolved for them. */
async function topicUnit(
  options: PrintOptions,
  cwd: string,
  config: NonNullable<Awaited<ReturnType<typeof loadConfig>>['config']>,
  diagnostics: Diagnostic[],
): Promise<TopicUnit | undefined> {
  const found = findTopicFile(options.topic, cwd, config);
  diagnostics.push(...found.diagnostics);
  if (!found.file) return undefined;
  const loaded = await loadTopic(found.file, config);
  diagnostics.push(...loaded.diagnostics);
  const topic = loaded.topic;
  if (!topic) return undefined;
  const picked = pickAudience(options.audience, topic, config);
  diagnostics.push(...picked.diagnostics);
  if (!picked.audience) return undefined;
  const { resolved, diagnostics: problems } = resolveTopic(topic, picked.audience, config);
  diagnostics.push(...problems);
  if (!resolved) return undefined;
  const language = pickLanguage(options.lang, topic, resolved.lang);
  diagnostics.push(...language.diagnostics);
  if (!language.lang) return undefined;
  return { topic, audience: picked.audience, resolved, lang: language.lang };
}

/** Every target typeset in memory (the typesetter loads only now); undefined when one failed. */
async function renderTargets(
  targets: readonly Target[],
  input: (record: VisitRecord) => RenderInput,
  combine: boolean,
  diagnostics: Diagnostic[],
): Promise<{ target: Target; bytes: Uint8Array; pages: number }[] | undefined> {
  const { renderHandout, renderCombinedHandouts } = await import('../render/handout-pdf/render.js');
  const out: { target: Target; bytes: Uint8Array; pages: number }[] = [];
  // Warnings (a missing glyph, an image not found) are the same for every record: reported once.
  const warned = new Set<string>();
  for (const target of targets) {
    try {
      const inputs = target.records.map(input);
      const rendered =
        combine && inputs.length > 1 ? await renderCombinedHandouts(inputs) : await renderHandout(inputs[0]!);
      for (const d of rendered.diagnostics ?? []) {
        const shown = glyphOfValue(d, target.records) ?? target.records.reduce((acc, r) => redact(acc, r), d);
        if (!warned.has(shown.message)) diagnostics.push(shown);
        warned.add(shown.message);
      }
      out.push({ target, bytes: rendered.bytes, pages: rendered.pages ?? 0 });
    } catch (e) {
      if (!(e instanceof RenderError)) throw e;
      diagnostics.push(
        error(Codes.render, `the handout cannot be typeset: ${e.message}`, e.hint ? { hint: e.hint } : {}),
      );
      return undefined;
    }
  }
  return out;
}

/**
 * A missing-glyph warning quotes the character; when it comes from a record's value, the warning
 * names the record and field instead (a character of a name is personal data too).
 */
function glyphOfValue(d: Diagnostic, records: readonly VisitRecord[]): Diagnostic | undefined {
  if (d.code !== Codes.missingGlyph) return undefined;
  const ch = /character "(.+?)" \(U\+/u.exec(d.message)?.[1];
  if (!ch) return undefined;
  for (const r of records)
    for (const [field, value] of Object.entries(r.fields))
      if (value !== null && String(value).includes(ch))
        return {
          ...d,
          message: `record ${r.number}: "${field}" has a character no font has; it prints as an empty box`,
        };
  return undefined;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
