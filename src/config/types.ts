export type GlossaryMode = 'inline' | 'list' | 'none';

export type SlideSettings = ResolvedConfig['slides'];
export type HandoutSettings = ResolvedConfig['handout'];

/**
 * One audience with every setting resolved: its own, else the config's, else `DEFAULTS`. Consumers read
 * these and never derive a setting again.
 */
export interface Audience {
  name: string;
  label: string;
  /** Handout body size in points. */
  fontSize: number;
  /** The lint target; undefined: scored, not checked. */
  readingGrade?: number;
  /** The audience's own `theme` setting, when it has one (templates see it; decks use `slides.theme`). */
  theme?: string;
  glossary: GlossaryMode;
  /** The deck settings this audience gets (the config's `slides` with its own overrides). */
  slides: SlideSettings;
  /** The handout settings this audience gets. */
  handout: HandoutSettings;
  /** The formats built for this audience when `-f` is not given (default: slides, handout). */
  formats: string[];
}

export type Miniatures = 'drawn' | 'exact';
export type HandoutLayout = 1 | 2 | 3 | 4 | 6 | 9;

/** The configuration after defaults were applied and paths made absolute. */
export interface ResolvedConfig {
  /** Project root: the folder of the config file, else the working directory. */
  root: string;
  /** The config file, when there was one. */
  file?: string;
  content: string;
  output: string;
  templates: string;
  lang: string;
  /** In configured order. */
  audiences: Audience[];
  slides: {
    theme: string;
    size: '16:9' | '4:3';
    paginate: boolean;
    /** Accent colour as #rrggbb, or null: the theme's own. */
    accent: string | null;
    /** Where a section's body goes in the deck: auto (on the slide only without points), always, notes, never. */
    body: 'auto' | 'always' | 'notes' | 'never';
    pdfEngine: 'auto' | 'chromium' | 'deckhand';
  };
  handout: { pageSize: 'LETTER' | 'A4'; footer: string };
  /** notes.pdf: one slide a page, its speaker notes below. */
  notes: { miniatures: Miniatures };
  /** slides-handout.pdf: N slides a page (PowerPoint's handout layouts). */
  slidesHandout: { layout: HandoutLayout; order: 'horizontal' | 'vertical'; lines: boolean; miniatures: Miniatures };
  lint: { readability: 'warning' | 'error' };
  /** Custom slide themes read from the CSS files the config names (`slides.theme`, `audiences.<name>.theme`). */
  themes: CustomTheme[];
}

/** A Marp theme from a CSS file; `slides.theme` and `Audience.theme` then hold its `name`. */
export interface CustomTheme {
  /** From the file's `@theme name` comment. */
  name: string;
  /** Absolute path. */
  path: string;
  css: string;
}
