import { describe, expect, it } from 'vitest';
import { project } from '../helpers/project.js';
import { runDeckhand } from '../helpers/run-cli.js';

// Scripts the built-in fonts cannot show, and right-to-left text: a clear error, never tofu.
const topic = (lang: string, title: string) =>
  `title: ${JSON.stringify(title)}\nlang: ${lang}\nsections:\n  - title: ${JSON.stringify(title)}\n    body: ` +
  `${JSON.stringify(title)}\n`;

describe('unsupported scripts', () => {
  it('Japanese: names the language and how to add a font', async () => {
    const d = project(undefined, { 'content/t.yaml': topic('ja', '手を洗いましょう') });
    const r = await runDeckhand(['build', '-f', 'handout'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'the built-in fonts have no Chinese, Japanese or Korean (CJK) characters (language "ja")',
    );
    expect(r.stderr).toContain('[DH_UNSUPPORTED_SCRIPT]');
    expect(r.stderr).toMatch(/hint: add a font that has them, e\.g\. Noto Sans CJK.*handout: \{fonts:/);
  });

  it('Hindi (Devanagari) text in an English topic is caught by its characters', async () => {
    const d = project(undefined, { 'content/t.yaml': topic('en', 'हाथ धोएं') });
    const r = await runDeckhand(['build', '-f', 'slides'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no Devanagari characters');
  });

  it('right-to-left (Hebrew text, or lang ar) is refused with a clear message', async () => {
    for (const [lang, title] of [
      ['he', 'רחצו ידיים'],
      ['ar', 'Wash your hands'],
    ]) {
      const d = project(undefined, { 'content/t.yaml': topic(lang!, title!) });
      const r = await runDeckhand(['build', '-f', 'handout'], d);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('cannot be laid out yet: deckhand sets lines left to right only');
    }
  });
});
