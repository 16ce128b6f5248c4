import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { prepareBuild } from '../../src/build/settings.js';
import { runCli } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { escapeControls } from '../../src/cli/display.js';
import { isHostRelative } from '../../src/patches/markdown-it-safety.js';
import { CHROMIUM_ARGS } from '../../src/render/slides-pdf/browser.js';
import { renderMarp } from '../../src/render/slides-html/marp.js';
import { parseMarkdown } from '../../src/render/handout-pdf/markdown.js';
import { deckhandAsync, project } from '../helpers/project.js';

/** Issue 22: what reaches the terminal (5), the links a deck keeps (24), threads (25), the browser (12), watch (20). */
const hostile = '\u001b]0;owned\u0007\u001b[2J\u001b[1A\u001b[2K\u009b31m\u202eevil\r';
const topic = `title: "T${hostile
  .replace(/\u001b/g, '\\e')
  .replace(/\u0007/g, '\\a')
  .replace(/\u009b/g, '\\x9b')
  .replace(/\u202e/g, '\\u202e')
  .replace(/\r/g, '\\r')}"\nsections:\n  - title: S\n    points: [A point]\n    audience: ["x${'\\e'}[2J"]\n`;

function capture(color: boolean, env: Record<string, string> = {}) {
  const text: string[] = [];
  const io: Io = {
    out: (t) => void text.push(t),
    err: (t) => void text.push(t),
    errRaw: (t) => void text.push(t),
    color,
    interactive: false,
    columns: 100,
    cwd: '',
    env: { ...process.env, ...env },
  };
  return { io, text: () => text.join('\n') };
}

describe('every printed string is escaped (item 5)', () => {
  for (const [label, color, env] of [
    ['plain', false, { NO_COLOR: '1' }],
    ['colour', true, {}],
    ['CI=true', false, { CI: 'true' }],
  ] as const) {
    it(`a topic cannot drive the terminal (${label})`, async () => {
      const dir = project(undefined, { 'content/topic.yaml': topic });
      const c = capture(color, env);
      c.io.cwd = dir;
      expect(await runCli(['build', '-f', 'slides'], c.io)).toBe(1);
      const printed = c.text();
      expect(printed).toContain('unknown audience "x\\u001b[2J"');
      // Nothing a terminal acts on but deckhand's own colours.
      const rest = color ? printed.replace(/\u001b\[(0|31|33|36)m/g, '') : printed;
      expect(rest).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    });
  }

  it('--json stays valid JSON with the same text', async () => {
    const dir = project(undefined, { 'content/topic.yaml': topic });
    const c = capture(false);
    c.io.cwd = dir;
    await runCli(['build', '--json', '-f', 'slides'], c.io);
    const json = JSON.parse(c.text().slice(c.text().indexOf('{'))) as { errors: { message: string }[] };
    expect(json.errors.some((e) => e.message.includes('x\u001b[2J'))).toBe(true);
  });

  it('escapeControls: C0, C1, DEL, bidi and separators; newline and tab stay', () => {
    expect(escapeControls('a\u001bb\u009bc\u007fd\u202ee\u2028f\ng\th')).toBe(
      'a\\u001bb\\u009bc\\u007fd\\u202ee\\u2028f\ng\th',
    );
    expect(escapeControls('\u001b[31mred\u001b[0m \u001b]8;;x\u0007', 'colours')).toBe(
      '\u001b[31mred\u001b[0m \\u001b]8;;x\\u0007',
    );
  });
});

describe('links a deck or handout keeps (item 24)', () => {
  it('protocol-relative and UNC links are refused, in every spelling', () => {
    for (const url of ['//host/x', '\\\\host\\share', '/\\host', '\\/host', ' //host', '%5C%5Chost', '%2F%2Fhost'])
      expect(isHostRelative(url), url).toBe(true);
    for (const url of ['https://example.org', '/abs', 'rel/x', '#slide', '?q'])
      expect(isHostRelative(url), url).toBe(false);
  });

  it('a deck renders them as text, with no link to another host', async () => {
    // In Markdown a backslash escapes: `\\\\host` is the UNC path \\host.
    const md = '[a](//evil.example/x) [b](\\\\\\\\evil\\\\share) [c](https://ok.example/)';
    const deck = await renderMarp(md, new Map(), []);
    expect(deck.html).not.toMatch(/href="(\/\/|\\\\|%5C%5C)/i);
    expect(deck.html).toContain('href="https://ok.example/"');
  });

  it('a handout keeps no such link either', async () => {
    const tokens = await parseMarkdown('[a](//evil.example/x) and [b](\\\\\\\\evil\\\\share) [c](https://ok.example/)');
    const hrefs = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'link_open');
    expect(hrefs.map((t) => t.attrGet('href'))).toEqual(['https://ok.example/']);
  });
});

describe('threads and the browser (items 25, 12)', () => {
  it('--jobs is capped at the number of cores', async () => {
    const dir = project('bad/_seed');
    const { settings } = await prepareBuild({ cwd: dir, jobs: 50 });
    expect(settings!.jobs).toBe(availableParallelism());
  });

  it('Chromium starts without component updates and resolves no host name', () => {
    expect(CHROMIUM_ARGS).toContain('--disable-component-update');
    expect(CHROMIUM_ARGS).toContain('--host-resolver-rules=MAP * ~NOTFOUND');
  });
});

describe('watch --serve with a bad --port ends at once (item 20)', () => {
  for (const port of ['99999', '-1', 'abc', '1.5'])
    it(`--port ${port}`, async () => {
      const dir = project('bad/_seed');
      const r = await deckhandAsync(['watch', '--serve', '-f', 'slides', '--port', port], dir, {}, 30_000);
      expect(r.timedOut, r.stderr).toBe(false);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--port must be 0–65535');
    }, 40_000);
});
