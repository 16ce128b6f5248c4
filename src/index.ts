/** deckhand's programmatic API. It never prints and never exits; the CLI is a thin layer over it. */
export { build } from './build/build.js';
export type { ArtifactRecord, BuildOptions, BuildResult } from './build/types.js';
export { loadConfig, resolveConfig } from './config/load.js';
export type { Audience, ResolvedConfig } from './config/types.js';
export { loadTopic } from './content/load.js';
export { resolveTopic, textFor, topicAudiences } from './content/resolve.js';
export { topicJsonSchema } from './content/schema.js';
export type { ImageAsset, ResolvedSection, ResolvedTopic, Topic } from './content/types.js';
export { formatDiagnostic, UsageError } from './errors/diagnostic.js';
export type { Diagnostic, Severity } from './errors/diagnostic.js';
export { Codes } from './errors/codes.js';
export { builtinRenderers } from './render/registry.js';
export { RenderError } from './render/types.js';
export type { RenderInput, RenderOutput, Renderer } from './render/types.js';
export { initProject } from './init.js';
export { VERSION } from './paths.js';
