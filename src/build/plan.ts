import { join } from 'node:path';
import type { Audience } from '../config/types.js';
import { resolveTopic, topicAudiences, type ResolvedOrigins } from '../content/resolve.js';
import type { ImageAsset, ResolvedTopic, Topic } from '../content/types.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import { VERSION } from '../paths.js';
import type { Renderer } from '../render/types.js';
import type { TemplateEngine } from '../templates/engine.js';
import type { TemplateKind } from '../templates/lookup.js';
import type { InputsHasher } from './inputs.js';
import type { BuildSettings } from './settings.js';
import { imageUrls, templateContext } from '../view/template-context.js';
import { localFurniture } from '../view/furniture.js';
import { scriptProblem } from '../view/scripts.js';
import { localisedOutput } from '../render/registry.js';
import { topicVariants } from './languages.js';
import { qrImage } from '../view/qr-image.js';

/** One topic for one audience: resolved, with the Markdown of each template kind the renderers need. */
export interface Unit {
  /** The topic in this unit's language: the source, or a translation merged over it. */
  topic: Topic;
  /** The language built; `suffix`: the tag its outputs' names carry (null: the source language). */
  lang: string;
  suffix: string | null;
  audience: Audience;
  resolved: ResolvedTopic;
  /** Where each resolved text came from in the topic file (for lint positions). */
  origins: ResolvedOrigins;
  /** `<out>/<slug>/<audience>`. */
  dir: string;
  /** Images by the URL the Markdown uses. */
  images: Map<string, ImageAsset>;
  /** Markdown per template kind at the build date. */
  markdown: Partial<Record<TemplateKind, string>>;
  /** Markdown of a kind at another date (for --check against an artifact's recorded date). */
  markdownAt(kind: TemplateKind, date: Date): string | undefined;
}

/** One artifact to produce: a unit through one renderer. */
export interface Task {
  unit: Unit;
  renderer: Renderer;
  /** Relative to the output folder, with `/`. */
  path: string;
  /** sha256 of the inputs (see inputs.ts). */
  inputs: string;
  /** The date the artifact carries: the build date, or for --check the one it was built with. */
  date: Date;
}

export interface UnitPlanner {
  /** Problems of the templates themselves, reported even when no topic gets as far as rendering. */
  checkTemplates(): Diagnostic[];
  /** Resolves one topic for each of its audiences (those asked for) and runs the templates. */
  plan(topic: Topic): { units: Unit[]; diagnostics: Diagnostic[] };
}

/** Plans topic after topic; a template problem is reported once, however many units share the template. */
export function unitPlanner(settings: BuildSettings, engine: TemplateEngine): UnitPlanner {
  const { config, outDir, audiences: wanted } = settings;
  const kinds = [...new Set(settings.renderers.map((r) => r.source))];
  const seen = new Set<string>();
  const fresh = (list: readonly Diagnostic[]) =>
    list.filter((d) => {
      const key = `${d.file}:${d.line}:${d.col}:${d.message}`;
      return !seen.has(key) && Boolean(seen.add(key));
    });
  return {
    checkTemplates: () =>
      fresh(
        kinds.flatMap((kind) =>
          config.audiences.filter((a) => !wanted || wanted.includes(a.name)).flatMap((a) => engine.check(kind, a.name)),
        ),
      ),
    plan(source) {
      const units: Unit[] = [];
      const diagnostics: Diagnostic[] = [];
      for (const { topic, lang, suffix } of topicVariants(source, settings))
        for (const audience of topicAudiences(topic, config).filter((a) => !wanted || wanted.includes(a.name))) {
          const { resolved, origins, diagnostics: problems } = resolveTopic(topic, audience, config);
          diagnostics.push(...problems);
          if (!resolved || !origins) continue;
          const script = scriptProblem(resolved, audience, topic.path);
          if (script) {
            diagnostics.push(...fresh([script]));
            continue;
          }
          const local = localFurniture(audience, resolved.lang, config, topic.path);
          diagnostics.push(...fresh(local.diagnostics));
          if (!local.furniture) continue;
          const furniture = local.furniture;
          const dir = join(outDir, topic.slug, audience.name);
          const { urls, byUrl } = imageUrls(topic, dir);
          // The deck's QR code to the online version: a data: image every slide-drawing renderer can place.
          const qr = resolved.url ? qrImage(resolved.url) : null;
          if (qr) byUrl.set(qr.src, qr);
          const at = (kind: TemplateKind, date: Date) => {
            const ctx = templateContext(
              resolved,
              kind,
              audience,
              config,
              { date: date.toISOString().slice(0, 10), version: VERSION },
              urls,
              furniture,
            );
            return engine.render(kind, audience.name, ctx);
          };
          const markdown: Unit['markdown'] = {};
          for (const kind of kinds) {
            const out = at(kind, settings.date);
            diagnostics.push(...fresh(out.diagnostics));
            if (out.text !== undefined) markdown[kind] = out.text;
          }
          const markdownAt = (kind: TemplateKind, date: Date) =>
            date.getTime() === settings.date.getTime() ? markdown[kind] : at(kind, date).text;
          units.push({ topic, lang, suffix, audience, resolved, origins, dir, images: byUrl, markdown, markdownAt });
        }
      return { units, diagnostics };
    },
  };
}

/** Every topic through `unitPlanner`, templates checked first. */
export function planUnits(
  topics: readonly Topic[],
  settings: BuildSettings,
  engine: TemplateEngine,
): { units: Unit[]; diagnostics: Diagnostic[] } {
  const planner = unitPlanner(settings, engine);
  const diagnostics = planner.checkTemplates();
  const units: Unit[] = [];
  for (const topic of topics) {
    const planned = planner.plan(topic);
    units.push(...planned.units);
    diagnostics.push(...planned.diagnostics);
  }
  return { units, diagnostics };
}

/** Where an artifact goes, relative to the output folder. */
export const artifactPath = (slug: string, audience: string, output: string) => `${slug}/${audience}/${output}`;

/** Every unit through every active renderer whose template produced Markdown, in output order. */
export function planTasks(
  units: readonly Unit[],
  renderers: readonly Renderer[],
  inputs: InputsHasher,
  date: Date,
  /** Without -f: each audience only gets the renderers of its own formats. */
  perAudience = false,
): Task[] {
  return units.flatMap((unit) =>
    renderers
      .filter(
        (r) => unit.markdown[r.source] !== undefined && (!perAudience || unit.audience.formats.includes(r.format)),
      )
      .map((renderer) => ({
        unit,
        renderer,
        path: artifactPath(unit.topic.slug, unit.audience.name, localisedOutput(renderer.output, unit.suffix)),
        inputs: inputs(unit.topic, unit.audience.name, renderer.source),
        date,
      })),
  );
}
