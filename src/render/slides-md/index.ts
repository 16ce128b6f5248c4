import type { Renderer } from '../types.js';

const encoder = new TextEncoder();

/** `slides.md`: the Marp Markdown itself, so the deck also opens in Marp's own tools. */
export const slidesMarkdown: Renderer = {
  name: 'slides-md',
  format: 'slides',
  source: 'slides',
  output: 'slides.md',
  render: async ({ markdown }) => ({ bytes: encoder.encode(markdown), pages: countSlides(markdown) }),
};

/** Slides in Marp Markdown: front matter, then `---` separators outside code fences. */
export function countSlides(markdown: string): number {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  let count = 1;
  let fence: string | null = null;
  for (const line of body.split('\n')) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === null ? f[1]![0]! : fence === f[1]![0] ? null : fence;
    else if (fence === null && /^---\s*$/.test(line)) count++;
  }
  return count;
}
