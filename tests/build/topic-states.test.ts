import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedRun } from '../../src/build/run.js';
import type { BuildSettings } from '../../src/build/settings.js';
import { cacheStage, topicMemos, topicStates } from '../../src/build/topic-states.js';
import { resolveConfig } from '../../src/config/load.js';
import type { Topic } from '../../src/content/types.js';
import { error, warning, type Diagnostic } from '../../src/errors/diagnostic.js';
import { CACHE_FILE, cacheBytes, cacheEntry, type CacheEntry } from '../../src/output/cache.js';
import type { ManifestEntry } from '../../src/output/manifest.js';
import { nothingBefore, type Freshness } from '../../src/output/previous.js';
import { VERSION } from '../../src/paths.js';
import type { Renderer } from '../../src/render/types.js';
import { project } from '../helpers/project.js';

const renderer = (name: string, output: string, source: 'slides' | 'handout'): Renderer => ({
  name,
  // Formats every audience builds by default (`audiences.<name>.formats`).
  format: source,
  source,
  output,
  render: async () => ({ bytes: new Uint8Array() }),
});
const RENDERERS = [renderer('md', 'slides.md', 'slides'), renderer('pdf', 'handout.pdf', 'handout')];
const topic = (slug: string, audiences?: string[]) =>
  ({ slug, path: `/p/content/${slug}.yaml`, data: audiences ? { audiences } : {} }) as unknown as Topic;
const settings = (over: Partial<BuildSettings> = {}) =>
  ({ config: resolveConfig({}, '/p'), renderers: RENDERERS, ...over }) as BuildSettings;
const inputs = (t: Topic, audience: string, kind: string) => `${t.slug}|${audience}|${kind}`;
const cacheOf = (path: string): CacheEntry => ({
  path,
  topic: '',
  audience: '',
  format: '',
  bytes: 0,
  sha256: '',
  inputs: '',
  date: '',
  renderer: '',
  size: 0,
  mtimeMs: 0,
});
const allFresh: Freshness = (path) => cacheOf(path);
const noneFresh: Freshness = () => undefined;

describe('topicStates', () => {
  it('each topic’s artifacts: its audiences (in config order) × the active renderers', () => {
    const [a, b] = topicStates([topic('a'), topic('b', ['clinician', 'patient'])], settings(), noneFresh, inputs);
    expect(a!.paths).toEqual([
      'a/patient/slides.md',
      'a/patient/handout.pdf',
      'a/student/slides.md',
      'a/student/handout.pdf',
      'a/clinician/slides.md',
      'a/clinician/handout.pdf',
    ]);
    expect(b!.paths).toEqual([
      'b/patient/slides.md',
      'b/patient/handout.pdf',
      'b/clinician/slides.md',
      'b/clinician/handout.pdf',
    ]);
    expect(a!.fresh).toBeUndefined();
  });

  it('-a narrows the audiences; -f the renderers', () => {
    const [a] = topicStates(
      [topic('a')],
      settings({ audiences: ['student'], renderers: [RENDERERS[1]!] }),
      noneFresh,
      inputs,
    );
    expect(a!.paths).toEqual(['a/student/handout.pdf']);
  });

  it('asks about each artifact by path, renderer and its inputs; fresh only when every one is', () => {
    const asked: string[] = [];
    const fresh: Freshness = (path, name, hash) => {
      asked.push(`${path} ${name} ${hash}`);
      return path === 'a/patient/handout.pdf' ? undefined : cacheOf(path);
    };
    const [a] = topicStates([topic('a')], settings({ audiences: ['patient'] }), fresh, inputs);
    expect(asked).toEqual(['a/patient/slides.md md a|patient|slides', 'a/patient/handout.pdf pdf a|patient|handout']);
    expect(a!.fresh).toBeUndefined();
    const [b] = topicStates([topic('b')], settings({ audiences: ['patient'] }), allFresh, inputs);
    expect(b!.fresh!.map((e) => e.path)).toEqual(['b/patient/slides.md', 'b/patient/handout.pdf']);
  });

  it('the key changes with the topic file, an artifact’s inputs or the renderers, not with freshness', () => {
    const key = (t: Topic, s = settings(), i = inputs, f = noneFresh) => topicStates([t], s, f, i)[0]!.key;
    const k = key(topic('a'));
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(key(topic('a'), settings(), inputs, allFresh)).toBe(k);
    expect(key({ ...topic('a'), path: '/q/content/a.yaml' } as Topic)).not.toBe(k);
    expect(key(topic('a'), settings(), (t, a, kind) => (a === 'student' ? 'x' : inputs(t, a, kind)))).not.toBe(k);
    expect(key(topic('a'), settings({ renderers: [RENDERERS[0]!] }))).not.toBe(k);
  });
});

describe('topicMemos', () => {
  const states = topicStates([topic('a'), topic('b'), topic('c')], settings(), noneFresh, inputs);
  const [a, b, c] = states.map((s) => s.topic) as [Topic, Topic, Topic];
  const previous = () => ({
    ...nothingBefore(),
    topics: new Map([
      ['b', { key: 'old-b', diagnostics: [] }],
      ['c', { key: 'old-c', diagnostics: [] }],
      ['gone', { key: 'old-gone', diagnostics: [] }],
    ]),
  });

  it('a topic built now records its own file’s diagnostics; those not built keep theirs', () => {
    const warn = warning('DH_READABILITY', 'hard', { file: a.path });
    const other = warning('DH_X', 'elsewhere', { file: '/p/deckhand.config.yaml' });
    const memos = topicMemos(previous(), states, new Set([a]), [warn, other]);
    expect(memos.get('a')).toEqual({ key: states[0]!.key, diagnostics: [warn] });
    expect(memos.get('b')).toEqual({ key: 'old-b', diagnostics: [] });
    expect([...memos.keys()].sort()).toEqual(['a', 'b', 'c', 'gone']);
  });

  it('a topic built with errors keeps no memo (it is built again next time)', () => {
    const diagnostics: Diagnostic[] = [error('DH_RENDER', 'failed', { file: b.path })];
    const memos = topicMemos(previous(), states, new Set([b, c]), diagnostics);
    expect(memos.has('b')).toBe(false);
    expect(memos.get('c')).toEqual({ key: states[2]!.key, diagnostics: [] });
  });
});

describe('cacheStage', () => {
  /** An output folder where topic a's artifacts are on record, with a memo under `memoKey`. */
  function recorded(memoKey: (key: string) => string) {
    const texts = ['md', 'pdf'];
    const out = project(undefined, { 'a/patient/slides.md': texts[0]!, 'a/patient/handout.pdf': texts[1]! });
    const s = settings({ outDir: out, audiences: ['patient'], dateFixed: false, date: new Date(0) });
    const [state] = topicStates([topic('a')], s, noneFresh, inputs);
    const entries = state!.paths.map((path, i) => {
      const m: ManifestEntry = {
        path,
        topic: 'a',
        audience: 'patient',
        format: RENDERERS[i]!.format,
        bytes: texts[i]!.length,
        sha256: createHash('sha256').update(texts[i]!).digest('hex'),
        inputs: inputs(topic('a'), 'patient', RENDERERS[i]!.source),
        date: '',
      };
      return cacheEntry(m, RENDERERS[i]!.name, out)!;
    });
    const replay = warning('DH_READABILITY', 'hard to read', { file: topic('a').path });
    mkdirSync(join(out, '.deckhand'));
    const memo = { key: memoKey(state!.key), diagnostics: [replay] };
    writeFileSync(join(out, CACHE_FILE), cacheBytes(entries, new Map([['a', memo]]), VERSION));
    const run = { settings: s, loaded: { topics: [topic('a'), topic('b')] }, inputs, diagnostics: [] };
    return { run: run as unknown as LoadedRun, replay };
  }

  it('an up-to-date topic with its memo is skipped and its diagnostics replayed; the others are planned', () => {
    const { run, replay } = recorded((key) => key);
    const view = cacheStage(run, false);
    expect(view.skipped.map((s) => s.topic.slug)).toEqual(['a']);
    expect(view.toPlan.map((t) => t.slug)).toEqual(['b']);
    expect(view.toRender).toBe(1);
    expect(run.diagnostics).toEqual([replay]);
  });

  it('a memo under another key (the topic or its artifacts changed) is not replayed: planned again', () => {
    const { run } = recorded(() => 'stale-key');
    const view = cacheStage(run, false);
    expect(view.skipped).toEqual([]);
    expect(view.toPlan.map((t) => t.slug)).toEqual(['a', 'b']);
    // Its artifacts are still fresh: planned (to lint and report), not rendered.
    expect(view.toRender).toBe(1);
    expect(run.diagnostics).toEqual([]);
  });

  it('force: nothing is up to date', () => {
    const { run } = recorded((key) => key);
    const view = cacheStage(run, true);
    expect(view.skipped).toEqual([]);
    expect(view.toRender).toBe(2);
    expect(view.previous.topics.size).toBe(1); // still read: memos of other topics are kept
  });
});
