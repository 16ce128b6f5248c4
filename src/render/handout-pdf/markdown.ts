import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { mathPlugin } from '../../math/markdown-it-math.js';
import { markdownSafety } from '../../patches/markdown-it-safety.js';

let parser: Promise<MarkdownIt> | undefined;

/**
 * CommonMark + GFM tables (markdown-it's default preset) + definition lists (markdown-it-deflist,
 * `Term` then `: definition`). HTML is recognised only so that comments such as
 * `<!-- pagebreak -->` arrive as tokens; raw HTML is never printed. Math (`$…$`, `$$…$$`) as in
 * every output (src/math/markdown-it-math.ts).
 */
export async function parseMarkdown(markdown: string): Promise<Token[]> {
  parser ??= (async () => {
    const [{ default: MarkdownItClass }, { default: deflist }] = await Promise.all([
      import('markdown-it'),
      import('markdown-it-deflist'),
    ]);
    return new MarkdownItClass({ html: true, linkify: false, typographer: false })
      .use(deflist)
      .use(mathPlugin)
      .use(markdownSafety);
  })();
  return (await parser).parse(markdown, {});
}
