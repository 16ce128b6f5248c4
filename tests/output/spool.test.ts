import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { removeSpools, Spool } from '../../src/output/spool.js';

const spools = () => readdirSync(tmpdir()).filter((n) => n.startsWith('deckhand-spool-'));

describe('Spool', () => {
  it('keeps bytes in memory up to its budget, then on disk, and gives back the same bytes', () => {
    const before = spools().length;
    const spool = new Spool(10);
    const a = spool.hold(new Uint8Array([1, 2, 3, 4, 5, 6]));
    const b = spool.hold(new Uint8Array([7, 8, 9, 10, 11]));
    const c = spool.hold(new Uint8Array([12]));
    expect(a).toBeInstanceOf(Uint8Array);
    expect(typeof b).toBe('number');
    expect(c).toBeInstanceOf(Uint8Array);
    expect(spools().length).toBe(before + 1);
    expect([...spool.take(b)]).toEqual([7, 8, 9, 10, 11]);
    expect([...spool.take(a)]).toEqual([1, 2, 3, 4, 5, 6]);
    // The memory taken back is free again.
    expect(spool.hold(new Uint8Array(9))).toBeInstanceOf(Uint8Array);
    spool.close();
    expect(spools().length).toBe(before);
  });

  it('a signal handler removes every open spool', () => {
    const spool = new Spool(0);
    spool.hold(new Uint8Array([1]));
    const dir = spools();
    expect(dir.length).toBeGreaterThan(0);
    removeSpools();
    for (const d of dir) expect(existsSync(`${tmpdir()}/${d}`)).toBe(false);
    spool.close();
  });
});
