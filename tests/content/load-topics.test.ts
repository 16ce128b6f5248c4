import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { loadTopics, topicProblems } from '../../src/content/load-topics.js';
import { project } from '../helpers/project.js';

const files = {
  'content/b.yaml': 'title: B\nsections:\n  - title: S\n',
  'content/a.yaml': 'title: A\nsections:\n  - title: S\n    audience: [patinet]\n',
  'content/c.yaml': 'sections:\n  - title: S\n',
  'content/d.yaml': 'title: D\nsections:\n  - title: S\n',
};

describe('loadTopics', () => {
  it('the topics that passed, in the order given, and every problem of the others', async () => {
    const dir = project(undefined, files);
    const paths = ['d', 'a', 'b', 'c'].map((n) => join(dir, `content/${n}.yaml`));
    const { topics, diagnostics } = await loadTopics(paths, resolveConfig({}, dir));
    expect(topics.map((t) => t.slug)).toEqual(['d', 'b']);
    expect(topics[0]!.path).toBe(paths[0]);
    expect(diagnostics.map((d) => [d.file, d.code])).toEqual([
      [paths[1], 'DH_UNKNOWN_AUDIENCE'],
      [paths[3], 'DH_SCHEMA'],
    ]);
  });

  it('audience names are checked against the config given', async () => {
    const dir = project(undefined, { 'content/t.yaml': 'title: T\nsections:\n  - title: S\n    audience: [lay]\n' });
    const config = resolveConfig({ audiences: { lay: {} } }, dir);
    const { topics, diagnostics } = await loadTopics([join(dir, 'content/t.yaml')], config);
    expect(diagnostics).toEqual([]);
    expect(topics).toHaveLength(1);
  });
});

describe('topicProblems', () => {
  it('the problems of the topic files, discovery first', async () => {
    const dir = project(undefined, files);
    const list = await topicProblems([join(dir, 'content'), join(dir, 'nope.yaml')], resolveConfig({}, dir), true);
    expect(list.map((d) => [d.file, d.code])).toEqual([
      [join(dir, 'nope.yaml'), 'DH_FILE_READ'],
      [join(dir, 'content/a.yaml'), 'DH_UNKNOWN_AUDIENCE'],
      [join(dir, 'content/c.yaml'), 'DH_SCHEMA'],
    ]);
  });

  it('audience names are left unchecked when the config’s audiences are among its problems', async () => {
    const dir = project(undefined, files);
    const list = await topicProblems(
      [join(dir, 'content/a.yaml'), join(dir, 'content/c.yaml')],
      resolveConfig({}, dir),
      false,
    );
    expect(list.map((d) => [d.file, d.code])).toEqual([[join(dir, 'content/c.yaml'), 'DH_SCHEMA']]);
  });

  it('the content folder when no paths are given; no topics at all is a problem too', async () => {
    const dir = project(undefined, files);
    expect((await topicProblems(undefined, resolveConfig({}, dir), true)).map((d) => d.code)).toEqual([
      'DH_UNKNOWN_AUDIENCE',
      'DH_SCHEMA',
    ]);
    const empty = project(undefined, { 'content/x.txt': 'x' });
    expect((await topicProblems(undefined, resolveConfig({}, empty), true)).map((d) => d.code)).toEqual([
      'DH_NO_TOPICS',
    ]);
  });
});
