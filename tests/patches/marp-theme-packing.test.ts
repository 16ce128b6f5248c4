import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { memoizeThemePacking } from '../../src/patches/marp-theme-packing.js';
import { expectPatchedVersion } from '../helpers/versions.js';

describe('patch: Marp theme CSS packed once per theme', () => {
  it('is written for the installed Marpit', () => expectPatchedVersion('@marp-team/marpit'));

  it('packs a theme once for the same CSS and options, and gives the same CSS as unpatched', () => {
    const plain = new Marp({ script: false }).render('# a\n\n---\n\n# b').css;
    const marp = new Marp({ script: false });
    let packs = 0;
    const inner = marp.themeSet.pack.bind(marp.themeSet);
    marp.themeSet.pack = (...a: Parameters<typeof inner>) => {
      packs++;
      return inner(...a);
    };
    const forget = memoizeThemePacking(marp);
    {
      const first = marp.render('# a\n\n---\n\n# b').css;
      marp.render('# c');
      expect(first).toBe(plain);
      expect(packs).toBe(1);
      forget();
      marp.render('# d');
      expect(packs).toBe(2);
    }
  });
});
