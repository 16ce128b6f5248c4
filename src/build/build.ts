import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { displayPath, loadConfig } from '../config/load.js';
import type { Audience } from '../config/types.js';
import { loadTopic } from '../content/load.js';
import { resolveTopic, topicAudiences } from '../content/resolve.js';
import type { Topic } from '../content/types.js';
import { Codes } from '../errors/codes.js';
import { error, hasErrors, UsageError, type Diagnostic } from '../errors/diagnostic.js';
import { didYouMean } from '../errors/suggest.js';
import { lintTopic, type ResolvedForAudience } from '../lint/lint-topic.js';
import { VERSION } from '../paths.js';
import { builtinRenderers, knownFormats } from '../render/registry.js';
import { RenderError, type Renderer } from '../render/types.js';
import { createTemplateEngine } from '../templates/engine.js';
import type { TemplateKind } from '../templates/lookup.js';
import { buildDate } from './date.js';
import { discoverTopics } from './discover.js';
import { checkFolders, writeAtomic } from './emit.js';
import { hashInputs, writeManifest } from './manifest.js';
import { imageUrls, templateContext } from './template-context.js';
import { DEFAULT_FORMATS, type ArtifactRecord, type BuildOptions, type BuildResult } from './types.js';

/**
 * Builds every topic × audience × format. Never prints, never exits: input problems come back as
 * diagnostics (all of them, not just the first); nothing is written when the input has errors.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const timings: Record<string, number> = {};
  const lap = time(timings);
  const date = buildDate(options.env);
  const renderers = options.renderers ?? builtinRenderers();
  const formats = checkFormats(options.formats ?? [...DEFAULT_FORMATS], renderers);

  const { config, diagnostics } = await loadConfig({ ...(options.config !== undefined ? { config: options.config } : {}), cwd });
  const outDir = resolve(cwd, options.out ?? config?.output ?? 'output');
  const result = (ok: boolean, artifacts: ArtifactRecord[] = []): BuildResult => ({ ok, outDir, artifacts, diagnostics, timings });
  if (!config) return result(false);
  const wanted = checkAudiences(options.audiences, config.audiences);

  const found = discoverTopics(options.paths?.length ? options.paths : [config.content], cwd);
  diagnostics.push(...found.diagnostics);
  if (!found.files.length && !found.diagnostics.length) {
    diagnostics.push(error(Codes.noTopics, 'no topic files found', { file: displayPath(resolve(cwd, options.paths?.[0] ?? config.content), cwd), hint: 'topics are .yaml, .yml or .json files' }));
  }
  const loaded = await Promise.all(found.files.map((f) => loadTopic(f, config, cwd)));
  const topics = loaded.flatMap((l) => (l.topic ? [l.topic] : []));
  for (const l of loaded) diagnostics.push(...l.diagnostics);
  lap('load');

  const active = renderers.filter((r) => formats.includes(r.format));
  const kinds = [...new Set(active.map((r) => r.source))];
  const engine = createTemplateEngine(config.templates, cwd);
  const jobs: Job[] = [];
  const seen = new Set<string>();
  const report = (list: readonly Diagnostic[]) => {
    for (const d of list) {
      const key = `${d.file}:${d.line}:${d.col}:${d.message}`;
      if (!seen.has(key)) diagnostics.push(d);
      seen.add(key);
    }
  };
  // Templates are checked even when no topic gets as far as rendering, so their problems are
  // reported in the same run as the content's.
  for (const kind of kinds) for (const a of config.audiences) if (!wanted || wanted.includes(a.name)) report(engine.check(kind, a.name));
  for (const topic of topics) {
    const forLint: ResolvedForAudience[] = [];
    for (const audience of topicAudiences(topic, config).filter((a) => !wanted || wanted.includes(a.name))) {
      const { resolved, origins, diagnostics: problems } = resolveTopic(topic, audience, config);
      diagnostics.push(...problems);
      if (!resolved || !origins) continue;
      forLint.push({ audience, resolved, origins });
      const dir = join(outDir, topic.slug, audience.name);
      const { urls, byUrl } = imageUrls(topic, dir);
      const markdown: Partial<Record<TemplateKind, string>> = {};
      for (const kind of kinds) {
        const ctx = templateContext(resolved, kind, audience, config, { date: date.toISOString().slice(0, 10), version: VERSION }, urls);
        const out = engine.render(kind, audience.name, ctx);
        report(out.diagnostics);
        if (out.text !== undefined) markdown[kind] = out.text;
      }
      jobs.push({ topic, audience, dir, markdown, images: byUrl, resolved });
    }
    // Reading level and plain language, as `deckhand lint` reports them (without the table).
    diagnostics.push(...lintTopic(topic, forLint, config).diagnostics);
  }
  lap('resolve+templates');
  if (hasErrors(diagnostics)) return result(false);
  if (options.write !== false) {
    const blocked = checkFolders(outDir, jobs.map((j) => j.dir));
    if (blocked) {
      const reason = blocked.reason.replace(/^\/\S*/, (p) => displayPath(p, cwd));
      diagnostics.push(error(Codes.output, `cannot create the output folder ${displayPath(blocked.dir, cwd)}: ${reason}`, { file: displayPath(outDir, cwd), hint: 'remove or rename what is in the way, or pick another output folder with -o' }));
      return result(false);
    }
  }

  const inputsHash = hashInputs(engine.files(), config.file, VERSION);
  const artifacts: ArtifactRecord[] = [];
  try {
    for (const job of jobs) {
      for (const r of active) {
        const md = job.markdown[r.source];
        if (md === undefined) continue;
        const rendered = await renderOne(r, job, md, config, date, diagnostics);
        if (!rendered) continue;
        const path = join(job.dir, r.output);
        const written = options.write === false ? false : writeOrReport(path, rendered.bytes, diagnostics, cwd);
        if (written === null) continue;
        artifacts.push({
          path: `${job.topic.slug}/${job.audience.name}/${r.output}`,
          topic: job.topic.slug,
          audience: job.audience.name,
          format: r.format,
          renderer: r.name,
          bytes: rendered.bytes.byteLength,
          sha256: createHash('sha256').update(rendered.bytes).digest('hex'),
          ...(rendered.pages !== undefined ? { pages: rendered.pages } : {}),
          inputs: inputsHash(job.topic),
          written,
        });
      }
    }
  } finally {
    await Promise.all(active.map((r) => r.close?.()));
  }
  lap('render+emit');
  if (options.write !== false && artifacts.length) {
    writeOrReport(join(outDir, 'manifest.json'), writeManifest(artifacts, date, VERSION), diagnostics, cwd);
  }
  return result(!hasErrors(diagnostics), artifacts);
}

interface Job {
  topic: Topic;
  audience: Audience;
  dir: string;
  markdown: Partial<Record<TemplateKind, string>>;
  images: Map<string, import('../content/types.js').ImageAsset>;
  resolved: import('../content/types.js').ResolvedTopic;
}

async function renderOne(r: Renderer, job: Job, markdown: string, config: import('../config/types.js').ResolvedConfig, date: Date, diagnostics: Diagnostic[]) {
  try {
    const out = await r.render({ topic: job.resolved, audience: job.audience, markdown, images: job.images, config, date, version: VERSION });
    diagnostics.push(...(out.diagnostics ?? []).map((d) => (d.file ? d : { ...d, file: job.topic.file })));
    return out;
  } catch (e) {
    if (!(e instanceof RenderError)) throw e;
    diagnostics.push(error(Codes.render, `${r.output} for ${job.topic.slug}/${job.audience.name}: ${e.message}`, { file: job.topic.file, ...(e.hint ? { hint: e.hint } : {}) }));
    return undefined;
  }
}

function writeOrReport(path: string, bytes: Uint8Array, diagnostics: Diagnostic[], cwd: string): boolean | null {
  try {
    return writeAtomic(path, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    diagnostics.push(error(Codes.output, `cannot write output (${code})`, { file: displayPath(path, cwd), hint: 'check that the output folder exists and is writable, or pick another with -o' }));
    return null;
  }
}

function checkFormats(formats: string[], renderers: readonly Renderer[]): string[] {
  const known = knownFormats(renderers);
  const list = formats.flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean);
  for (const f of list) if (!known.includes(f)) throw new UsageError(`unknown format "${f}"${didYouMean(f, known)} (formats: ${known.join(', ')})`);
  return list;
}

export function checkAudiences(names: string[] | undefined, audiences: readonly Audience[]): string[] | undefined {
  if (!names?.length) return undefined;
  const known = audiences.map((a) => a.name);
  const list = names.flatMap((n) => n.split(',')).map((n) => n.trim()).filter(Boolean);
  for (const n of list) if (!known.includes(n)) throw new UsageError(`unknown audience "${n}"${didYouMean(n, known)} (configured: ${known.join(', ')})`);
  return list;
}

function time(timings: Record<string, number>) {
  let last = performance.now();
  return (stage: string) => {
    const now = performance.now();
    timings[stage] = Math.round((now - last) * 10) / 10;
    last = now;
  };
}
