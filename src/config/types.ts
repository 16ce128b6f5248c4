export type GlossaryMode = 'inline' | 'list' | 'none';

export interface Audience {
  name: string;
  label: string;
  fontSize: number;
  readingGrade?: number;
  theme?: string;
  glossary: GlossaryMode;
}

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
  handout: { pageSize: 'LETTER' | 'A4'; footer: string };
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
