import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverTopics, findTopics } from '../../src/content/discover.js';
import { project } from '../helpers/project.js';

const T = 'title: T\nsections:\n  - title: S\n';
const names = (dir: string, files: string[]) => files.map((f) => f.slice(dir.length + 1));
const problems = (list: { code: string; message: string; file?: string }[]) => list.map((d) => [d.code, d.message]);

describe('discoverTopics', () => {
  it('a folder: its topic files one level deep, sorted; hidden, other and nested files left out', () => {
    const dir = project(undefined, {
      'c/b.yml': T,
      'c/a.yaml': T,
      'c/C.JSON': T,
      'c/d.YAML': T,
      'c/.hidden.yaml': T,
      'c/notes.txt': 'x',
      'c/sub/e.yaml': T,
      'c/images/x.png': 'x',
    });
    const { files, diagnostics } = discoverTopics([join(dir, 'c')]);
    expect(diagnostics).toEqual([]);
    expect(names(dir, files)).toEqual(['c/C.JSON', 'c/a.yaml', 'c/b.yml', 'c/d.YAML']);
  });

  it('files and folders together, each file once, sorted by path', () => {
    const dir = project(undefined, { 'c/b.yaml': T, 'c/a.yaml': T, 'x/z.yaml': T, 'x/notes.txt': 'x' });
    const paths = [join(dir, 'x/z.yaml'), join(dir, 'c'), join(dir, 'c/a.yaml'), join(dir, 'x/notes.txt')];
    const { files, diagnostics } = discoverTopics(paths);
    expect(diagnostics).toEqual([]);
    // A file named on its own is taken whatever its extension (the loader says what is wrong with it).
    expect(names(dir, files)).toEqual(['c/a.yaml', 'c/b.yaml', 'x/notes.txt', 'x/z.yaml']);
  });

  it('a path that does not exist is one problem; the others are still found', () => {
    const dir = project(undefined, { 'c/a.yaml': T });
    const { files, diagnostics } = discoverTopics([join(dir, 'nope.yaml'), join(dir, 'c')]);
    expect(names(dir, files)).toEqual(['c/a.yaml']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'DH_FILE_READ',
        message: 'no such file or folder',
        file: join(dir, 'nope.yaml'),
      }),
    ]);
  });

  it('two files with one slug: the first (by path) is kept, the other is a problem naming both', () => {
    const dir = project(undefined, { 'a/t.yaml': T, 'b/t.json': T, 'a/t.yml': T, 'a/u.yaml': T });
    const { files, diagnostics } = discoverTopics([join(dir, 'a'), join(dir, 'b')]);
    expect(names(dir, files)).toEqual(['a/t.yaml', 'a/u.yaml']);
    expect(diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([
      ['DH_DUPLICATE_ID', join(dir, 'a/t.yml'), `topic "t" is defined twice (also in ${join(dir, 'a/t.yaml')})`],
      ['DH_DUPLICATE_ID', join(dir, 'b/t.json'), `topic "t" is defined twice (also in ${join(dir, 'a/t.yaml')})`],
    ]);
  });

  it('a file name that gives no usable slug (it would name a folder outside the output)', () => {
    const dir = project(undefined, { '...yaml': T, '.yaml': T, 'ok.yaml': T });
    const { files, diagnostics } = discoverTopics([join(dir, '...yaml'), join(dir, '.yaml'), join(dir, 'ok.yaml')]);
    expect(names(dir, files)).toEqual(['ok.yaml']);
    expect(problems(diagnostics)).toEqual([
      ['DH_TOPIC_NAME', 'the file name "...yaml" gives the topic no usable name ("..")'],
      ['DH_TOPIC_NAME', 'the file name ".yaml" gives the topic no usable name (".yaml")'],
    ]);
    expect(diagnostics[0]!.hint).toContain('cannot start with "."');
  });

  it('a dangling symlink in a folder is a problem, not skipped silently; a link to a folder is skipped', () => {
    const dir = project(undefined, { 'c/a.yaml': T });
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'c/broken.yaml'));
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'c/folder.yaml'));
    const { files, diagnostics } = discoverTopics([join(dir, 'c')]);
    expect(names(dir, files)).toEqual(['c/a.yaml']);
    expect(diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([
      ['DH_FILE_READ', join(dir, 'c/broken.yaml'), 'cannot read file: it is a link to a file that does not exist'],
    ]);
  });
});

describe('findTopics', () => {
  it('the content folder when no paths are given', () => {
    const dir = project(undefined, { 'content/a.yaml': T, 'other/b.yaml': T });
    expect(names(dir, findTopics(undefined, join(dir, 'content')).files)).toEqual(['content/a.yaml']);
    expect(names(dir, findTopics([], join(dir, 'content')).files)).toEqual(['content/a.yaml']);
    expect(names(dir, findTopics([join(dir, 'other')], join(dir, 'content')).files)).toEqual(['other/b.yaml']);
  });

  it('finding none is an error on the folder searched', () => {
    const dir = project(undefined, { 'content/notes.txt': 'x', 'other/x.md': 'x' });
    const none = findTopics(undefined, join(dir, 'content'));
    expect(none.files).toEqual([]);
    expect(none.diagnostics).toEqual([
      expect.objectContaining({
        code: 'DH_NO_TOPICS',
        message: 'no topic files found',
        file: join(dir, 'content'),
        hint: 'topics are .yaml, .yml or .json files',
      }),
    ]);
    expect(findTopics([join(dir, 'other')], join(dir, 'content')).diagnostics[0]!.file).toBe(join(dir, 'other'));
  });

  it('problems found on the way are reported instead of "no topic files"', () => {
    const dir = project();
    const found = findTopics([join(dir, 'missing')], join(dir, 'content'));
    expect(problems(found.diagnostics)).toEqual([['DH_FILE_READ', 'no such file or folder']]);
  });
});
