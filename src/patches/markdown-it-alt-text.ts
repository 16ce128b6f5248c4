import type MarkdownIt from 'markdown-it';

/**
 * markdown-it 14 keeps backslash escapes as `text_special` tokens, which `renderInlineAsText` (an
 * image's alt text) drops: after Marp re-parses an image with a `w:`/`h:` option, `\(` would vanish
 * from its alt text. Renders them as the text they are.
 */
export function keepEscapesInAltText(md: MarkdownIt): void {
  const renderer = md.renderer;
  const asText = renderer.renderInlineAsText.bind(renderer);
  renderer.renderInlineAsText = (tokens, options, env) =>
    asText(
      tokens.map((t: (typeof tokens)[number]) =>
        t.type === 'text_special'
          ? Object.assign(Object.create(Object.getPrototypeOf(t) as object) as typeof t, t, { type: 'text' })
          : t,
      ),
      options,
      env,
    );
}
