import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { Codes } from '../errors/codes.js';
import { error, hasErrors, type Diagnostic } from '../errors/diagnostic.js';
import { readTextFile } from '../source/read.js';
import { parseSource } from '../source/yaml-source.js';
import { issuesToDiagnostics } from '../source/zod-diagnostics.js';
import { CONFIG_FILE, DEFAULT_AUDIENCES, DEFAULTS } from './defaults.js';
import { ConfigSchema, configKeysAt, type UserConfig } from './schema.js';
import { checkTemplatesFolder } from './templates-folder.js';
import { checkFonts } from './fonts.js';
import { resolveThemes } from './themes.js';
import { cssColour } from '../themes/css-colour.js';
import type { Audience, Brand, FontChoice, ResolvedConfig } from './types.js';
import { builtInLabelKey, footerFor, pickLangText } from './lang-text.js';
import { lookupString } from '../strings/strings.js';
import { en } from '../strings/tables.js';

export interface LoadConfigOptions {
  /** Explicit config file (`-c`); missing is an error. */
  config?: string;
  cwd?: string;
}

export interface LoadedConfig {
  config?: ResolvedConfig;
  diagnostics: Diagnostic[];
  /**
   * For a config with problems: its valid settings over the defaults, so the topics can still be
   * checked in the same run. `audiences` is false when the config's audiences are among the problems
   * (a topic's audience names cannot be checked then).
   */
  fallback?: { config: ResolvedConfig; audiences: boolean };
}

/** Finds, parses and validates the config; a missing default config is not an error. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.config !== undefined;
  const path = resolve(cwd, options.config ?? CONFIG_FILE);
  const file = path;
  if (!explicit && !existsSync(path)) return { config: resolveConfig({}, cwd), diagnostics: [] };
  if (explicit && !existsSync(path)) {
    return {
      diagnostics: [
        error(Codes.config, `config file not found`, { file, hint: 'check the path given', option: 'config' }),
      ],
    };
  }
  const read = await readTextFile(path, file);
  // An empty config is a config with every default, not a mistake.
  if (read.diagnostics.some((d) => d.code === Codes.fileEmpty))
    return { config: resolveConfig({}, dirname(path), path), diagnostics: [] };
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  const root = dirname(path);
  const parsed = parseSource(read.text, file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const data = parsed.source.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      diagnostics: [
        error(Codes.config, 'the config must be a map of settings', {
          file,
          line: 1,
          col: 1,
          hint: 'write "key: value" lines, e.g. "output: build"; see the README',
        }),
      ],
    };
  }
  const result = ConfigSchema.safeParse(data);
  if (!result.success) {
    const diagnostics = issuesToDiagnostics(
      result.error.issues,
      parsed.source,
      configKeysAt,
      'see the Configuration section of the README',
    ).map((d) => ({ ...d, code: d.code === Codes.schema ? Codes.config : d.code }));
    const fallback = fallbackConfig(data as Record<string, unknown>, root, path);
    return { diagnostics, ...(fallback ? { fallback } : {}) };
  }
  if (result.data.audiences && Object.keys(result.data.audiences).length === 0) {
    const diagnostics = [
      error(Codes.config, '"audiences" is empty', {
        file,
        ...parsed.source.locate(['audiences']),
        hint: 'configure at least one audience, or remove the key to use the defaults',
      }),
    ];
    return {
      diagnostics,
      fallback: { config: resolveConfig({ ...result.data, audiences: undefined }, root, path), audiences: false },
    };
  }
  const resolved = resolveConfig(result.data, root, path);
  const themed = resolveThemes(resolved, parsed.source);
  const folder = checkTemplatesFolder(resolved, parsed.source, result.data.templates !== undefined);
  const fonts = await checkFonts(result.data, root, parsed.source);
  const problems = [...themed.diagnostics, ...folder, ...fonts];
  return hasErrors(problems)
    ? { diagnostics: problems, fallback: { config: resolved, audiences: true } }
    : { config: themed.config, diagnostics: problems };
}

/**
 * The settings of a config with schema problems that are valid on their own, over the defaults; none
 * when its content folder is among the problems (checking another folder would only mislead).
 */
function fallbackConfig(data: Record<string, unknown>, root: string, path: string): LoadedConfig['fallback'] {
  const valid: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(ConfigSchema.shape))
    if (data[key] !== undefined && schema.safeParse(data[key]).success) valid[key] = data[key];
  if (data.content !== undefined && valid.content === undefined) return undefined;
  const audiences = data.audiences === undefined || Object.keys(valid.audiences ?? {}).length > 0;
  if (!audiences) delete valid.audiences;
  return { config: resolveConfig(valid as UserConfig, root, path), audiences };
}

/** A configured accent as #rrggbb (the schema checked it), else null: the theme's own. */
function hexColour(value: string | undefined): string | null {
  return cssColour(value) ?? null;
}

/** Applies defaults. A config's `audiences` map replaces the default set; it is not merged with it. */
export function resolveConfig(user: UserConfig, root: string, file?: string): ResolvedConfig {
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(root, p));
  const slides = { ...DEFAULTS.slides, ...user.slides, accent: hexColour(user.slides?.accent) };
  const lang = user.lang ?? DEFAULTS.lang;
  const strings = user.strings ?? {};
  const footers = user.handout?.footer === undefined || user.handout.footer === en.footer ? null : user.handout.footer;
  const handout = {
    pageSize: user.handout?.pageSize ?? DEFAULTS.handout.pageSize,
    footer: pickLangText(footers, lang, lang) ?? lookupString('footer', lang, strings) ?? DEFAULTS.handout.footer,
    footers,
  };
  const audienceMap = user.audiences ?? DEFAULT_AUDIENCES;
  const audiences: Audience[] = Object.entries(audienceMap).map(([name, s]) => {
    const own = s ?? {};
    const byName = DEFAULTS.audienceByName[name] ?? {};
    const theme = 'theme' in own && own.theme !== undefined ? own.theme : undefined;
    // The English built-in written out (as `deckhand init` does) is the built-in: translated like it.
    const labels = own.label === undefined || own.label === en[builtInLabelKey(name)] ? null : own.label;
    const builtIn = lookupString(builtInLabelKey(name), lang, strings);
    const readingGrade = 'readingGrade' in own ? own.readingGrade : undefined;
    const ownFooter = ('footer' in own ? own.footer : undefined) ?? null;
    // In the config's language; other languages ask footerFor (the disclaimer: only with a reading target).
    const footer = footerFor({ footer: ownFooter, readingGrade }, lang, { lang, strings, handout }) ?? '';
    const ownFonts = 'fonts' in own ? own.fonts : undefined;
    const fonts = (ownFonts ?? user.handout?.fonts)?.map(fontChoice);
    const ownBrand = 'brand' in own ? own.brand : undefined;
    const brand = user.brand || ownBrand ? brandOf({ ...user.brand, ...ownBrand }) : undefined;
    return {
      name,
      label: pickLangText(labels, lang, lang) ?? builtIn ?? name.charAt(0).toUpperCase() + name.slice(1),
      labels,
      footer: ownFooter,
      hyphenate: own.hyphenate ?? own.readingGrade === undefined,
      fontSize: own.fontSize ?? DEFAULTS.audience.fontSize,
      ...(own.readingGrade !== undefined ? { readingGrade: own.readingGrade } : {}),
      ...(theme !== undefined ? { theme } : {}),
      glossary: ('glossary' in own && own.glossary) || byName.glossary || DEFAULTS.audience.glossary,
      slides: { ...slides, theme: theme ?? slides.theme, accent: hexColour(own.accent) ?? slides.accent },
      handout: { ...handout, footer, ...(fonts ? { fonts } : {}) },
      formats: [...('formats' in own && own.formats ? own.formats : DEFAULTS.formats)],
      ...(brand ? { brand } : {}),
    };
  });
  return {
    root,
    ...(file ? { file } : {}),
    content: abs(user.content ?? DEFAULTS.content),
    output: abs(user.output ?? DEFAULTS.output),
    templates: abs(user.templates ?? DEFAULTS.templates),
    lang,
    audiences,
    slides,
    handout,
    lint: { ...DEFAULTS.lint, ...user.lint },
    notes: { ...DEFAULTS.notes, ...user.notes },
    slidesHandout: { ...DEFAULTS.slidesHandout, ...user.slidesHandout },
    strings,
    translations: { fallback: user.translations?.fallback ?? 'none' },
    ...(user.review ? { review: user.review } : {}),
    ...(user.brand ? { brand: brandOf(user.brand) } : {}),
    themes: [],
  };

  function brandOf(b: Brand): Brand {
    return { ...b, ...(b.logo ? { logo: abs(b.logo) } : {}) };
  }
  function fontChoice(f: FontChoice): FontChoice {
    if (typeof f === 'string') return f;
    return {
      name: f.name,
      regular: abs(f.regular),
      ...(f.bold ? { bold: abs(f.bold) } : {}),
      ...(f.italic ? { italic: abs(f.italic) } : {}),
      ...(f.boldItalic ? { boldItalic: abs(f.boldItalic) } : {}),
    };
  }
}
