import { describe, expect, it } from 'vitest';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

/** Issue 22, also noted: characters no font has are one warning per handout past a few, not one each. */
describe('missing glyphs', () => {
  it('twenty hieroglyphs give one grouped DH_MISSING_GLYPH warning', async () => {
    const emoji = Array.from({ length: 20 }, (_, i) => String.fromCodePoint(0x13000 + i)).join(' ');
    const dir = project(undefined, {
      'deckhand.config.yaml': 'audiences:\n  patient: {}\n',
      'content/topic.yaml': `title: T\nsummary: S.\nsections:\n  - title: S\n    points: ["${emoji}"]\n`,
    });
    const r = await runDeckhand(['build', '-f', 'handout'], dir);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.includes('[DH_MISSING_GLYPH]'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/no font has 20 of its characters/);
  }, 60_000);
});
