import type { Block, Inline } from '../handout-pdf/blocks.js';

// The deck as Marp renders it, as data: what every slide-shaped output (slides.pptx, and the drawn slide
// miniatures of notes.pdf / slides-handout.pdf) draws from, so that they all show the same slides as slides.html.

export type { Block, Inline };

/** A background image (`![bg …](url)`), with Marp's keywords read. */
export interface Background {
  url: string;
  /** The alt text without Marp's keywords (Marp shows it as the figure's caption). */
  alt: string;
  /** `cover` (default), `contain` (`fit`, `contain`), `auto`, or a scale such as `50%`. */
  size: string;
}

export interface Slide {
  /** 0-based position in the deck. */
  index: number;
  /** The `class` directive, split at spaces (`lead`, `title`, `invert`…). */
  classes: string[];
  /** The page number Marp prints on this slide (paginate), else null. */
  page: number | null;
  /** `header` / `footer` directives, as inline Markdown. */
  header: Inline[] | null;
  footer: Inline[] | null;
  /** `color` / `backgroundColor` directives as written (CSS). */
  color: string | null;
  backgroundColor: string | null;
  backgrounds: Background[];
  /** Background images with `left` / `right[:N%]` put the content on the other side. */
  split: { side: 'left' | 'right'; fraction: number } | null;
  /** `vertical` stacks several backgrounds top to bottom; default side by side. */
  backgroundDirection: 'horizontal' | 'vertical';
  /** The slide's content in order; comments and background images are taken out. */
  blocks: Block[];
  /** Plain text of the slide's first top-level heading: what a slide title placeholder holds. */
  title: string | null;
  /** Speaker notes: the slide's comments that are not directives, in order, as written. */
  notes: string[];
}

export interface Deck {
  /** Global directives (front matter or comments; the last one wins). */
  theme: string | null;
  size: string | null;
  lang: string | null;
  /** Front-matter metadata Marp's tools read (`title`, `author`, `description`). */
  meta: { title?: string; author?: string; description?: string };
  slides: Slide[];
}
