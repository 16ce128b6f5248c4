/** deckhand's programmatic API. It never prints and never exits; the CLI is a thin layer over it. */
export { build } from './build/build.js';
export { buildSession } from './build/session.js';
export type {
  ArtifactRecord,
  ArtifactStatus,
  BuildOptions,
  BuildResult,
  BuildSession,
  CheckResult,
  ProgressEvent,
  Shard,
} from './build/types.js';
export { loadConfig, resolveConfig } from './config/load.js';
export type { Audience, ResolvedConfig } from './config/types.js';
export { loadTopic } from './content/load.js';
export { resolveTopic, textFor, topicAudiences } from './content/resolve.js';
export { topicJsonSchema } from './content/topic-json-schema.js';
export { configJsonSchema } from './config/config-json-schema.js';
export type { ImageAsset, ResolvedSection, ResolvedTopic, Topic } from './content/types.js';
export { formatDiagnostic, UsageError } from './errors/diagnostic.js';
export type { Diagnostic, Severity } from './errors/diagnostic.js';
export { Codes } from './errors/codes.js';
export { builtinRenderers } from './render/registry.js';
export { RenderError } from './render/types.js';
export type { RenderInput, RenderOutput, Renderer } from './render/types.js';
export { initProject } from './init.js';
export { printHandouts } from './print/print.js';
export type { PrintOptions, PrintResult, PrintedFile } from './print/print.js';
export { lint } from './lint/lint.js';
export type { LintResult, LintRunOptions } from './lint/lint.js';
export type { AudienceReport } from './lint/lint-topic.js';
export type { UnitScore } from './lint/checks.js';
export type { Counts } from './lint/count.js';
export type { Scores } from './lint/formulas.js';
export { VERSION } from './paths.js';
