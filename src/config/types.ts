import type { FontChoice } from '../fonts/files.js';
export type GlossaryMode = 'inline' | 'list' | 'none';

/** Furniture text as configured: one string (in the config's `lang`) or a map from BCP 47 tag or `default`. */
export type LangText = string | Readonly<Record<string, string>>;

export type SlideSettings = ResolvedConfig['slides'];
export type HandoutSettings = ResolvedConfig['handout'];

/**
 * One audience with every setting resolved: its own, else the config's, else `DEFAULTS`. Consumers read
 * these and never derive a setting again.
 */
export interface Audience {
  name: string;
  /** The label in the config's `lang` (see `labels` for the others). */
  label: string;
  /** The label as configured (null: the built-in one, from the string tables, else the name). */
  labels: LangText | null;
  /** The audience's own handout footer as configured (null: `handout.footer`). */
  footer: LangText | null;
  /** Split words at line ends in the handout (default: off with a readingGrade, on without). */
  hyphenate: boolean;
  /** Handout body size in points. */
  fontSize: number;
  /** The lint target; undefined: scored, not checked. */
  readingGrade?: number;
  /** The audience's own `theme` setting, when it has one (templates see it; decks use `slides.theme`). */
  theme?: string;
  glossary: GlossaryMode;
  /** The deck settings this audience gets (the config's `slides` with its own overrides). */
  slides: SlideSettings;
  /** The handout settings this audience gets (its own footer and fonts over the config's). */
  handout: HandoutSettings;
  /** The formats built for this audience when `-f` is not given (default: slides, handout). */
  formats: string[];
  /** The config's brand with this audience's overrides. */
  brand?: Brand;
}

/** `brand:` resolved: `logo` is an absolute path inside the project. */
export interface Brand {
  name?: string;
  logo?: string;
  logoAlt?: string;
  phone?: string;
  website?: string;
  address?: string;
  color?: string;
}

export type { FontChoice } from '../fonts/files.js';

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
  handout: {
    pageSize: 'LETTER' | 'A4';
    /** The footer in the config's `lang`. */
    footer: string;
    /** As configured (null: the built-in one, from the string tables). */
    footers?: LangText | null;
    /** The font chain, first choice first (default: DejaVu Sans). */
    fonts?: FontChoice[];
  };
  /** notes.pdf: one slide a page, its speaker notes below. */
  notes: { miniatures: Miniatures; lines: boolean };
  /** slides-handout.pdf: N slides a page (PowerPoint's handout layouts). */
  slidesHandout: { layout: HandoutLayout; order: 'horizontal' | 'vertical'; lines: boolean; miniatures: Miniatures };
  lint: { readability: 'warning' | 'error'; allow?: string[] };
  /** Review cycle in months (derives `reviewBy`), and whether patient topics must carry `reviewed`. */
  review?: { months?: number; required?: boolean };
  brand?: Brand;
  /** `strings.<lang>.<key>` overrides, keyed by tag as written. */
  strings: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** What a build does with a missing translation: `none` is an error; `source` uses the source text, marked. */
  translations: { fallback: 'none' | 'source' };
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
