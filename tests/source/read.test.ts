import { spawnSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES, readTextFile } from '../../src/source/read.js';
import { project } from '../helpers/project.js';

async function read(bytes: Buffer | string) {
  const path = join(project(), 't.yaml');
  writeFileSync(path, bytes);
  return readTextFile(path, '/shown/t.yaml');
}
const problem = (r: Awaited<ReturnType<typeof readTextFile>>) =>
  r.diagnostics.map((d) => [d.code, d.file, d.line, d.col, d.message]);

describe('readTextFile', () => {
  it('UTF-8 text, its BOM dropped and line endings made \\n', async () => {
    expect(await read('\uFEFFa: 1\r\nb: 2\rc: 3\n')).toEqual({ text: 'a: 1\nb: 2\nc: 3\n', diagnostics: [] });
    expect((await read('é ✓ 🙂')).text).toBe('é ✓ 🙂');
  });

  it('UTF-16 (either byte order) and binary files', async () => {
    expect(problem(await read(Buffer.from('\uFEFFa: 1', 'utf16le')))).toEqual([
      ['DH_FILE_ENCODING', '/shown/t.yaml', 1, 1, 'file is UTF-16, not UTF-8'],
    ]);
    expect((await read(Buffer.from([0xfe, 0xff, 0, 0x61])).then(problem))[0]![4]).toBe('file is UTF-16, not UTF-8');
    expect((await read(Buffer.from('a: 1\n\0')).then(problem))[0]![4]).toBe(
      'file is binary (contains NUL bytes), not UTF-8 text',
    );
  });

  it('invalid UTF-8, at the first bad byte', async () => {
    expect(problem(await read(Buffer.concat([Buffer.from('ok\nab'), Buffer.from([0xe9]), Buffer.from('x')])))).toEqual([
      ['DH_FILE_ENCODING', '/shown/t.yaml', 2, 3, 'file is not valid UTF-8'],
    ]);
  });

  it('empty or blank is a problem of its own', async () => {
    expect(problem(await read(' \n\t\n'))).toEqual([['DH_FILE_EMPTY', '/shown/t.yaml', 1, 1, 'file is empty']]);
  });

  it('too large, a folder, a FIFO (never opened) or missing', async () => {
    const dir = project();
    const big = join(dir, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, MAX_TEXT_BYTES + 1);
    expect((await readTextFile(big, 'big')).diagnostics[0]).toMatchObject({
      code: 'DH_FILE_TOO_LARGE',
      message: 'file is 5.0 MiB; the limit is 5 MiB',
    });
    mkdirSync(join(dir, 'folder'));
    expect((await readTextFile(join(dir, 'folder'), 'f')).diagnostics[0]!.message).toBe(
      'expected a file, found a folder',
    );
    expect(spawnSync('mkfifo', [join(dir, 'fifo')]).status).toBe(0);
    expect((await readTextFile(join(dir, 'fifo'), 'f')).diagnostics[0]!.message).toBe('not a regular file');
    expect((await readTextFile(join(dir, 'none'), 'f')).diagnostics[0]).toMatchObject({
      code: 'DH_FILE_READ',
      message: 'cannot read file (ENOENT)',
    });
  });
});
