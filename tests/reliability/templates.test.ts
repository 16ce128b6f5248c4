import { describe, expect, it } from 'vitest';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

/** Issue 22, items 15 and 17: a template never prints, and never grows without bound. */
const topic = (title: string) =>
  `title: ${JSON.stringify(title)}\nsummary: ` +
  `S.\nsections:\n${Array.from({ length: 10 }, (_, i) => `  - title: S${i}\n    points: [P]\n`).join('')}`;
const config = 'audiences:\n  patient: {}\n';

describe('templates', () => {
  it('{{log}} prints nothing: --json stays one JSON document (item 15)', async () => {
    const dir = project(undefined, {
      'deckhand.config.yaml': config,
      'content/topic.yaml': topic('T'),
      'templates/slides.md.hbs':
        '---\nmarp: true\n---\n{{log "leaked to stdout"}}{{log title level="error"}}# {{title}}\n',
    });
    const r = await runDeckhand(['build', '-f', 'slides', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('leaked');
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it(
    'nested {{#each}} with huge output stops with a positioned error, not an out-of-memory crash ' + '(item 17)',
    async () => {
      const open = '{{#each @root.sections}}'.repeat(7);
      const close = '{{/each}}'.repeat(7);
      const dir = project(undefined, {
        'deckhand.config.yaml': config,
        'content/topic.yaml': topic('x'.repeat(10_000)),
        'templates/slides.md.hbs': `---\nmarp: true\n---\n# {{title}}\n${open}{{@root.title}}${close}\n`,
      });
      const r = await runDeckhand(['build', '-f', 'slides'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/templates\/slides\.md\.hbs\s+error\s+template output is too large/);
    },
    60_000,
  );
});
