import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { mathPlugin } from '../../math/markdown-it-math.js';
import { SECTION_KINDS } from '../../content/schema.js';

let parser: Promise<MarkdownIt> | undefined;

/**
 * CommonMark + GFM tables (markdown-it's default preset) + definition lists (markdown-it-deflist,
 * `Term` then `: definition`). HTML is recognised only so that comments such as
 * `<!-- pagebreak -->` arrive as tokens; raw HTML is never printed. Math (`$…$`, `$$…$$`) as in
 * every output (src/math/markdown-it-math.ts). Section kinds are fenced containers: `::: warning`,
 * `::: call`, `::: steps`, `::: questions`, `::: tip`, each closed by `:::`.
 */
export async function parseMarkdown(markdown: string): Promise<Token[]> {
  parser ??= (async () => {
    const [{ default: MarkdownItClass }, { default: deflist }, { default: container }] = await Promise.all([
      import('markdown-it'),
      import('markdown-it-deflist'),
      import('markdown-it-container'),
    ]);
    const md = new MarkdownItClass({ html: true, linkify: false, typographer: false }).use(deflist).use(mathPlugin);
    // `::: warning` … `:::` (the section kinds): container_<kind>_open / _close tokens.
    for (const kind of SECTION_KINDS) md.use(container, kind);
    return md;
  })();
  return (await parser).parse(markdown, {});
}
