import { describe, expect, it } from 'vitest';
import { keepArtifact } from '../../src/build/clean-stage.js';
import type { LoadedTopics } from '../../src/build/load-stage.js';
import type { BuildSettings } from '../../src/build/settings.js';
import { resolveConfig } from '../../src/config/load.js';
import type { Topic } from '../../src/content/types.js';
import type { Renderer } from '../../src/render/types.js';

const renderer = (name: string, output: string): Renderer => ({
  name,
  format: name,
  source: 'slides',
  output,
  render: async () => ({ bytes: new Uint8Array() }),
});
const topic = (slug: string, audiences?: string[]) =>
  ({ slug, path: `/p/content/${slug}.yaml`, data: audiences ? { audiences } : {} }) as unknown as Topic;

/** Topic `a` is loaded (for patient and student only); `other` exists but is in another shard. */
const keep = keepArtifact(
  {
    topics: [topic('a', ['patient', 'student'])],
    existing: new Set(['a', 'other']),
    languages: new Map([['a', new Set(['es-US'])]]),
    diagnostics: [],
  } as LoadedTopics,
  {
    config: resolveConfig({}, '/p'),
    // -f slides: only one renderer runs, but every known one counts (its files are not stale).
    renderers: [renderer('md', 'slides.md')],
    allRenderers: [renderer('md', 'slides.md'), renderer('pdf', 'handout.pdf')],
  } as BuildSettings,
);

describe('keepArtifact (--clean)', () => {
  it('keeps what an existing topic still builds for its audiences, by any known renderer', () => {
    expect(keep('a/patient/slides.md')).toBe(true);
    expect(keep('a/student/handout.pdf')).toBe(true);
  });

  it('a topic in another shard (or not selected) keeps its files: this build knows nothing against them', () => {
    expect(keep('other/clinician/slides.md')).toBe(true);
  });

  it(
    'removes files of a topic that is gone, an audience not configured or not the topic’s, a format no renderer ' +
      'makes',
    () => {
      expect(keep('gone/patient/slides.md')).toBe(false);
      expect(keep('a/nurse/slides.md')).toBe(false);
      expect(keep('a/clinician/slides.md')).toBe(false);
      expect(keep('other/nurse/slides.md')).toBe(false);
      expect(keep('a/patient/slides.pptx')).toBe(false);
    },
  );

  it('a translation is kept like an audience: while its file exists, for a format some renderer makes', () => {
    expect(keep('a/patient/handout.es-US.pdf')).toBe(true);
    expect(keep('a/patient/slides.es-US.md')).toBe(true);
    expect(keep('a/patient/handout.fr.pdf')).toBe(false);
    expect(keep('a/patient/slides.es-US.pptx')).toBe(false);
  });
});
