import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, hashesUnder, sha256 } from '../helpers/files.js';
import { deckhand, project } from '../helpers/project.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01T00:00:00Z

describe('reproducible builds', () => {
  it('two builds in different folders with the same SOURCE_DATE_EPOCH are byte-identical, with no paths in them', () => {
    const a = project('release');
    const b = project('release');
    expect(deckhand(['build', '--jobs', '1'], a, EPOCH).code).toBe(0);
    expect(deckhand(['build', '--jobs', '2'], b, EPOCH).code).toBe(0);
    const ha = hashesUnder(join(a, 'output'));
    expect(Object.keys(ha)).toContain('manifest.json');
    expect(Object.keys(ha).length).toBeGreaterThan(20);
    expect(hashesUnder(join(b, 'output'))).toEqual(ha);
    for (const f of filesUnder(join(a, 'output'))) {
      const text = readFileSync(join(a, 'output', f)).toString('latin1');
      expect(text, f).not.toContain(a);
      expect(text, f).not.toContain('deckhand-test-');
    }
  });

  it('the manifest lists every artifact with a hash, size and count that match the file', () => {
    const dir = project('release');
    expect(deckhand(['build'], dir, EPOCH).code).toBe(0);
    const out = join(dir, 'output');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ tool: 'deckhand', version: expect.any(String), buildDate: '2026-01-01T00:00:00.000Z' });
    expect(manifest.artifacts.map((e: { path: string }) => e.path)).toEqual(filesUnder(out).filter((f) => f !== 'manifest.json'));
    for (const e of manifest.artifacts) {
      const bytes = readFileSync(join(out, e.path));
      expect(e.sha256, e.path).toBe(sha256(bytes));
      expect(e.bytes).toBe(bytes.byteLength);
      expect(e.path).toBe(`${e.topic}/${e.audience}/${e.path.split('/').pop()}`);
      expect(e.inputs).toMatch(/^[0-9a-f]{64}$/);
      expect(e.date).toBe('2026-01-01T00:00:00.000Z');
      expect(['slides', 'handout', 'slides-pdf']).toContain(e.format);
      if (e.path.endsWith('slides.md')) expect(e.pages).toBeGreaterThan(1);
    }
    // diabetes is built for two audiences only
    expect(manifest.artifacts.filter((e: { topic: string }) => e.topic === 'diabetes').map((e: { audience: string }) => e.audience)).not.toContain('clinician');
  });

  it('the inputs hash follows the content, not the place or the selection', () => {
    const a = project('release');
    const b = project('release');
    deckhand(['build'], a, EPOCH);
    deckhand(['build', '-a', 'patient', 'content/sleep.yaml'], b, EPOCH);
    const inputs = (dir: string) => Object.fromEntries(JSON.parse(readFileSync(join(dir, 'output/manifest.json'), 'utf8')).artifacts.map((e: { path: string; inputs: string }) => [e.path, e.inputs]));
    const full = inputs(a);
    const part = inputs(b);
    expect(Object.keys(part).length).toBeGreaterThan(0);
    for (const [path, hash] of Object.entries(part)) expect(full[path]).toBe(hash);
  });

  it('a malformed SOURCE_DATE_EPOCH is a usage error', () => {
    const dir = project('release');
    const r = deckhand(['build'], dir, { SOURCE_DATE_EPOCH: '2026-01-01' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SOURCE_DATE_EPOCH');
  });
});
