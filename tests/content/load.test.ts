import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { loadTopic } from '../../src/content/load.js';
import { project } from '../helpers/project.js';

async function load(text: string | Buffer, name = 't.yaml') {
  const dir = project();
  writeFileSync(join(dir, name), text);
  return loadTopic(join(dir, name), resolveConfig({}, dir));
}

describe('loadTopic', () => {
  it('loads a minimal topic', async () => {
    const { topic, diagnostics } = await load('title: T\nsections:\n  - title: S\n');
    expect(diagnostics).toEqual([]);
    expect(topic?.slug).toBe('t');
  });
  it('accepts a UTF-8 BOM and CRLF line endings', async () => {
    const { topic, diagnostics } = await load('\uFEFFtitle: T\r\nsections:\r\n  - title: S\r\n');
    expect(diagnostics).toEqual([]);
    expect(topic?.data.title).toBe('T');
  });
  it('accepts JSON topics', async () => {
    const { topic } = await load('{"title": "T", "sections": [{"title": "S"}]}', 'j.json');
    expect(topic?.slug).toBe('j');
  });
  it.each([
    ['missing title', 'sections:\n  - title: S\n', 'DH_SCHEMA', '"title" is required', 1],
    ['no sections', 'title: T\nsections: []\n', 'DH_SCHEMA', 'at least 1 item', 2],
    ['wrong type', 'title: [a]\nsections:\n  - title: S\n', 'DH_SCHEMA', 'must be text or a map', 1],
    ['unknown key', 'title: T\nsumary: x\nsections:\n  - title: S\n', 'DH_UNKNOWN_KEY', 'did you mean "summary"', 2],
    ['bad date', 'title: T\ndate: 2026-02-30\nsections:\n  - title: S\n', 'DH_SCHEMA', 'date', 2],
    ['empty file', '  \n', 'DH_FILE_EMPTY', 'empty', 1],
    ['not a map', '- a\n- b\n', 'DH_SCHEMA', 'must be a map', 1],
  ])('reports %s', async (_name, text, code, message, line) => {
    const { topic, diagnostics } = await load(text);
    expect(topic).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code, line });
    expect(diagnostics[0]!.message).toContain(message);
  });
  it('reports a file that is not UTF-8, at the bad byte', async () => {
    const { diagnostics } = await load(Buffer.from('title: caf\xe9\nsections: []\n', 'latin1'));
    expect(diagnostics[0]).toMatchObject({ code: 'DH_FILE_ENCODING', line: 1, col: 11 });
  });
  it('reports a binary file', async () => {
    const { diagnostics } = await load(Buffer.from([0x89, 0, 1, 2, 3]));
    expect(diagnostics[0]?.code).toBe('DH_FILE_ENCODING');
  });
  it('reports unknown audiences with a suggestion, all at once', async () => {
    const { diagnostics } = await load(
      'title: {patinet: a, default: b}\nsections:\n  - title: S\n    audience: [studnet]\n',
    );
    expect(diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([
      ['DH_UNKNOWN_AUDIENCE', 1, 9, 'unknown audience "patinet" — did you mean "patient"?'],
      ['DH_UNKNOWN_AUDIENCE', 4, 16, 'unknown audience "studnet" — did you mean "student"?'],
    ]);
  });
  it('reports duplicate section ids, explicit or from the title', async () => {
    const { diagnostics } = await load('title: T\nsections:\n  - title: Same thing\n  - title: Same Thing!\n');
    expect(diagnostics[0]).toMatchObject({ code: 'DH_DUPLICATE_ID', line: 4 });
  });
  it('refuses images outside the project, URLs and unsupported formats', async () => {
    const base = 'title: T\nsections:\n  - title: S\n    image: {src: SRC, alt: A}\n';
    for (const [src, text] of [
      ['../../etc/passwd', 'outside the project'],
      ['/etc/passwd', 'absolute path'],
      ['https://example.com/a.png', 'URL'],
      ['file:///etc/passwd', 'URL'],
      ['missing.png', 'not found'],
    ]) {
      const { diagnostics } = await load(base.replace('SRC', src!));
      expect(diagnostics[0]?.code, src).toBe('DH_IMAGE');
      expect(diagnostics[0]?.message, src).toContain(text);
      expect(diagnostics[0]?.line).toBe(4);
    }
  });
});
