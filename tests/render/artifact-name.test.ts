import { describe, expect, it } from 'vitest';
import { artifactWhere, localisedOutput } from '../../src/render/artifact-name.js';

describe('artifact names in messages', () => {
  it('a translation names its own file, the source its plain one', () => {
    const audience = { name: 'student' };
    expect(artifactWhere({ topic: { slug: 't', lang: 'en' }, audience }, 'slides-handout.pdf')).toBe(
      't/student/slides-handout.pdf',
    );
    const translation = { slug: 't', lang: 'es-US', translation: { sourceLang: 'en' } };
    expect(artifactWhere({ topic: translation, audience }, 'slides-handout.pdf')).toBe(
      't/student/slides-handout.es-US.pdf',
    );
    expect(localisedOutput('slides.md', 'fr')).toBe('slides.fr.md');
  });
});
