import { relative, resolve } from 'node:path';
import { confine } from '../source/confine.js';
import { describeProblem, readRegularFile } from '../source/regular-file.js';
import type { SourceDoc } from '../source/yaml-source.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { didYouMean } from '../errors/suggest.js';
import type { CustomTheme, ResolvedConfig } from './types.js';

/** The built-in themes: deckhand's own two (src/themes/deckhand-css.ts) and Marp's three. */
export const BUILTIN_THEMES = ['deckhand', 'deckhand-dark', 'default', 'gaia', 'uncover'] as const;

const MAX_THEME_BYTES = 1024 * 1024;
const NAMES_HINT =
  `built-in themes: ${BUILTIN_THEMES.join(', ')}; or a CSS file relative to the project root, e.g. ` +
  `./themes/clinic.css`;

/** A theme setting that names a file rather than a theme. */
export function isThemePath(value: string): boolean {
  return /\.css$/i.test(value) || /[\\/]/.test(value);
}

/** The name a theme CSS declares in its `/* @theme name *\/` comment (what Marp keys themes by). */
export function themeName(css: string): string | undefined {
  for (const comment of css.matchAll(/\/\*([\s\S]*?)\*\//g)) {
    const m = /(?:^|[\s*!])@theme\s+([^\s*]+)/.exec(comment[1]!);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * Turns `slides.theme` and `audiences.<name>.theme` into theme names: a built-in name, a CSS file
 * (read here, so a missing file or a file without `@theme` is a positioned config error instead of
 * a crash or Marp's silent fallback to `default`), or a name one of those files declares.
 */
export function resolveThemes(
  config: ResolvedConfig,
  source?: SourceDoc,
): { config: ResolvedConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const themes = new Map<string, CustomTheme>();
  const settings: { path: (string | number)[]; value: string; set: (name: string) => void }[] = [];
  const slides = { ...config.slides };
  const audiences = config.audiences.map((a) => ({ ...a }));
  settings.push({ path: ['slides', 'theme'], value: slides.theme, set: (n) => (slides.theme = n) });
  for (const a of audiences) {
    if (a.theme !== undefined)
      settings.push({ path: ['audiences', a.name, 'theme'], value: a.theme, set: (n) => (a.theme = n) });
  }
  const at = (path: (string | number)[]) => ({
    file: source?.file ?? config.file,
    ...(source ? source.locate(path) : {}),
  });

  // Files first, so a plain name may refer to a theme any of them declares.
  for (const s of settings.filter((s) => isThemePath(s.value))) {
    const path = resolve(config.root, s.value);
    const shown = relative(config.root, path) || s.value;
    const hint = `theme paths are relative to the project root (${NAMES_HINT.replace(/^.*; or /, '')})`;
    const place = confine(config.root, path);
    if (place.where !== 'inside') {
      diagnostics.push(
        error(
          Codes.config,
          place.where === 'missing'
            ? `theme file "${shown}" not found`
            : `theme file "${s.value}" is not inside the project`,
          { ...at(s.path), hint: place.where === 'missing' ? hint : 'copy the theme into the project folder' },
        ),
      );
      continue;
    }
    const read = readRegularFile(place.real, MAX_THEME_BYTES);
    if ('problem' in read) {
      diagnostics.push(
        error(
          Codes.config,
          read.problem === 'too-large'
            ? `theme file "${shown}" is larger than 1 MiB`
            : `theme file "${shown}" cannot be read (${describeProblem(read.problem)})`,
          {
            ...at(s.path),
            hint: read.problem === 'too-large' ? 'a Marp theme is a stylesheet; move images out of it' : hint,
          },
        ),
      );
      continue;
    }
    const css = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
    const name = themeName(css);
    if (!name) {
      diagnostics.push(
        error(Codes.config, `theme file "${shown}" has no /* @theme name */ comment`, {
          ...at(s.path),
          hint: 'Marp needs a theme name: put /* @theme clinic */ at the top of the CSS file',
        }),
      );
      continue;
    }
    if ((BUILTIN_THEMES as readonly string[]).includes(name)) {
      diagnostics.push(
        error(Codes.config, `theme file "${shown}" declares @theme ${name}, the name of a built-in theme`, {
          ...at(s.path),
          hint: `give it its own name, e.g. /* @theme my-${name} */ (it can still @import '${name}')`,
        }),
      );
      continue;
    }
    const other = themes.get(name);
    if (other && other.path !== path) {
      diagnostics.push(
        error(
          Codes.config,
          `theme name "${name}" is declared by two files: "${relative(config.root, other.path)}" and "${shown}"`,
          { ...at(s.path), hint: 'give each theme file its own /* @theme name */' },
        ),
      );
      continue;
    }
    themes.set(name, { name, path, css });
    s.set(name);
  }
  const known = [...BUILTIN_THEMES, ...themes.keys()];
  for (const s of settings.filter((s) => !isThemePath(s.value))) {
    if (!known.includes(s.value)) {
      diagnostics.push(
        error(Codes.config, `unknown theme "${s.value}"${didYouMean(s.value, known)}`, {
          ...at(s.path),
          hint: NAMES_HINT,
        }),
      );
    }
  }
  // Each audience's deck theme, now that file settings are theme names.
  for (const a of audiences) a.slides = { ...a.slides, theme: a.theme ?? slides.theme };
  return { config: { ...config, slides, audiences, themes: [...themes.values()] }, diagnostics };
}
