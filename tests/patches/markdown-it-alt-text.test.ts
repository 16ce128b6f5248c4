import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { keepEscapesInAltText } from '../../src/patches/markdown-it-alt-text.js';
import { expectPatchedVersion } from '../helpers/versions.js';

describe('patch: markdown-it keeps backslash escapes in alt text', () => {
  it('is written for the installed markdown-it', () => expectPatchedVersion('markdown-it'));

  it('an escaped character stays in the alt text (markdown-it alone drops it)', () => {
    const source = '![a \\(b\\) c](x.png)';
    expect(new MarkdownIt().render(source)).toContain('alt="a b c"'); // the defect the patch is for
    const md = new MarkdownIt();
    keepEscapesInAltText(md);
    expect(md.render(source)).toContain('alt="a (b) c"');
  });
});
