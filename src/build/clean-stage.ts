import { topicAudiences } from '../content/resolve.js';
import type { LoadedTopics } from './load-stage.js';
import type { BuildSettings } from './settings.js';
import { localisedOutput } from '../render/registry.js';

/** For --clean: an artifact stays while its topic exists, builds for its audience, and some renderer makes it. */
export function keepArtifact(loaded: LoadedTopics, settings: BuildSettings): (path: string) => boolean {
  const configured = new Set(settings.config.audiences.map((a) => a.name));
  const outputs = new Set(settings.allRenderers.map((r) => r.output));
  const topicAudienceNames = new Map(
    loaded.topics.map((t) => [t.slug, new Set(topicAudiences(t, settings.config).map((a) => a.name))]),
  );
  // A translation's artifacts are kept while its file exists (languages are audiences here).
  const localised = (slug: string, file: string) =>
    [...(loaded.languages.get(slug) ?? [])].some((lang) =>
      settings.allRenderers.some((r) => localisedOutput(r.output, lang) === file),
    );
  return (path) => {
    const [slug = '', audience = '', file = ''] = path.split('/');
    return (
      loaded.existing.has(slug) &&
      configured.has(audience) &&
      (topicAudienceNames.get(slug)?.has(audience) ?? true) &&
      (outputs.has(file) || localised(slug, file))
    );
  };
}
