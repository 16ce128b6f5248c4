import type { Font } from 'fontkit';
import { fallbackChain, parseFaceKey, type FontKey, type Metrics } from './metrics.js';
import { keepDecodedGlyphs } from '../patches/fontkit-glyphs.js';
import { builtInFamily, DEFAULT_FAMILY, fontBytes, mathFile, monoFile, type Family, type FontChoice } from './files.js';

/** The fonts of one chain: measured by layout, drawn by pdfkit. Each face is parsed the first time it is used. */
export interface FontSet {
  metrics: Metrics;
  /** The parsed face (loaded now if it was not yet). */
  face(key: FontKey): Font;
  /** The chain's families, first choice first; DejaVu Sans is always among them (last unless named). */
  families: readonly Family[];
  /** The faces parsed so far, in the order they were first used (tests check that loading is lazy). */
  loaded(): FontKey[];
}

type Fontkit = typeof import('fontkit');
let fontkit: Promise<Fontkit> | undefined;
const sets = new Map<string, Promise<FontSet>>();
// Parsed once per file and process: every chain, handout and printout shares DejaVu.
const parsed = new Map<string, Font>();

/** The font set of a chain (default: DejaVu Sans alone); one per chain and process. */
export function loadFonts(chain: readonly FontChoice[] = []): Promise<FontSet> {
  const families = resolveChain(chain);
  const id = JSON.stringify(families);
  let set = sets.get(id);
  if (!set) {
    fontkit ??= import('fontkit');
    set = fontkit.then((fk) => fontSet(fk, families));
    sets.set(id, set);
  }
  return set;
}

/**
 * The chain's families with their files. A project family lacking a face uses its nearest one (bold
 * italic → bold → regular). Names the config check rejected never get here; an unknown one is skipped.
 */
export function resolveChain(chain: readonly FontChoice[]): Family[] {
  const out: Family[] = [];
  for (const choice of chain) {
    const family =
      typeof choice === 'string'
        ? builtInFamily(choice)
        : {
            name: choice.name,
            files: {
              regular: choice.regular,
              bold: choice.bold ?? choice.regular,
              italic: choice.italic ?? choice.regular,
              boldItalic: choice.boldItalic ?? choice.bold ?? choice.italic ?? choice.regular,
            },
          };
    if (family && !out.some((f) => f.name === family.name)) out.push(family);
  }
  if (!out.some((f) => f.name === DEFAULT_FAMILY)) out.push(builtInFamily(DEFAULT_FAMILY)!);
  return out;
}

function fontSet(fk: Fontkit, families: Family[]): FontSet {
  const faces = new Map<FontKey, Font>();
  const fileOf = (key: FontKey): string => {
    if (key === 'mono' || key === 'monoBold') return monoFile(key === 'monoBold');
    if (key === 'math') return mathFile();
    const { role, index } = parseFaceKey(key)!;
    const family = families[index];
    if (!family) throw new Error(`no font family ${index} in a chain of ${families.length}`);
    return family.files[role];
  };
  const face = (key: FontKey): Font => {
    let font = faces.get(key);
    if (!font) {
      const path = fileOf(key);
      font = parsed.get(path);
      if (!font) {
        font = fk.create(fontBytes(path));
        keepDecodedGlyphs(font);
        parsed.set(path, font);
      }
      faces.set(key, font);
    }
    return font;
  };
  const chains = new Map<FontKey, readonly FontKey[]>();
  const fallbacks = (key: FontKey) => {
    let chain = chains.get(key);
    if (!chain) chains.set(key, (chain = fallbackChain(key, families.length)));
    return chain;
  };
  return { metrics: fontkitMetrics(face, fallbacks), face, families, loaded: () => [...faces.keys()] };
}

// Widths are cached per font and string in font units, so every size shares an entry. Layout measures
// word by word, as pdfkit does when it draws, so the two agree (kerning included).
const MAX_CACHE = 100_000;
const widths = new WeakMap<Font, Map<string, number>>();

function fontkitMetrics(face: (key: FontKey) => Font, fallbacks: Metrics['fallbacks']): Metrics {
  return {
    width(text, key, size) {
      const font = face(key);
      let cache = widths.get(font);
      if (!cache) widths.set(font, (cache = new Map()));
      let units = cache.get(text);
      if (units === undefined) {
        if (cache.size >= MAX_CACHE) cache.clear();
        units = font.layout(text).advanceWidth;
        cache.set(text, units);
      }
      return (units * size) / font.unitsPerEm;
    },
    ascent: (key) => face(key).ascent / face(key).unitsPerEm,
    descent: (key) => -face(key).descent / face(key).unitsPerEm,
    hasGlyph: (key, codePoint) => face(key).hasGlyphForCodePoint(codePoint),
    fallbacks,
  };
}
