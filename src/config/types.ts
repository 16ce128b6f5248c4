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
  /** The handout settings this audience gets (its own footer and fonts over the config's). */
  handout: HandoutSettings;
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

/** A font family as a handout chain names it: built-in by name, or the project's files (absolute paths). */
export type FontChoice =
  string | { name: string; regular: string; bold?: string; italic?: string; boldItalic?: string };

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
  slides: { theme: string; size: '16:9' | '4:3'; paginate: boolean };
  handout: { pageSize: 'LETTER' | 'A4'; footer: string; fonts?: FontChoice[] };
  lint: { readability: 'warning' | 'error'; allow?: string[] };
  /** Review cycle in months (derives `reviewBy`), and whether patient topics must carry `reviewed`. */
  review?: { months?: number; required?: boolean };
  brand?: Brand;
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
