import { parse as parseYaml } from 'yaml';

// Marp's directives (marpit 3 lib/markdown/directives/*, plus marp-core's `size` and `math`), read the way
// Marpit reads them: each comment's text as YAML with the failsafe schema (every value a string), "loose"
// for the known keys (`footer: a: b` is the string "a: b"). A comment with at least one known key is a
// directive; any other comment is a speaker note.

export const GLOBAL_DIRECTIVES = ['headingDivider', 'style', 'theme', 'lang', 'size', 'math'] as const;
export const LOCAL_DIRECTIVES = [
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'class',
  'color',
  'footer',
  'header',
  'paginate',
] as const;

export type Directives = Record<string, unknown>;

const KNOWN = [...GLOBAL_DIRECTIVES, ...LOCAL_DIRECTIVES];
const LOOSE = new RegExp(`^((?:${KNOWN.flatMap((k) => [`_?${k}`, `"_?${k}"`, `'_?${k}'`]).join('|')})\\s*:)(.+)$`);
const SPECIAL = `["'{|>~&*`;

/** A comment's (or the front matter's) YAML as an object, or null when it is not a mapping. */
export function readYaml(text: string): Directives | null {
  const loose = text
    .split(/\r?\n/)
    .map((line) =>
      line.replace(LOOSE, (original, prop: string, value: string) => {
        const trimmed = value.trim();
        if (trimmed.length === 0 || SPECIAL.includes(trimmed[0]!)) return original;
        const spaces = value.slice(0, value.length - value.trimStart().length);
        return `${prop}${spaces}"${trimmed.split('"').join('\\"')}"`;
      }),
    )
    .join('\n')
    .trim();
  try {
    const data: unknown = parseYaml(loose, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Directives) : null;
  } catch {
    return null;
  }
}

const isGlobal = (k: string) => (GLOBAL_DIRECTIVES as readonly string[]).includes(k);
const isLocal = (k: string) => (LOCAL_DIRECTIVES as readonly string[]).includes(k);

/** Does this parsed comment hold a directive Marp recognises (so it is not a note)? */
export function isDirective(d: Directives): boolean {
  return Object.keys(d).some((k) => isGlobal(k) || isLocal(k) || (k.startsWith('_') && isLocal(k.slice(1))));
}

/** The global directives of one comment, normalised as Marpit does. */
export function globalsOf(d: Directives, knownTheme: (name: string) => boolean): Directives {
  const out: Directives = {};
  for (const [k, v] of Object.entries(d)) {
    if (!isGlobal(k)) continue;
    if (k === 'theme') {
      if (typeof v === 'string' && knownTheme(v)) out.theme = v;
    } else if (k === 'headingDivider') {
      const levels = headingLevels(v);
      if (levels !== undefined) out.headingDivider = levels;
    } else if (k === 'size') {
      if (typeof v === 'string') out.size = v;
    } else out[k] = v;
  }
  return out;
}

/** `local` and `spot` (`_key`) directives of one comment, normalised as Marpit does. */
export function localsOf(d: Directives): { local: Directives; spot: Directives } {
  const local: Directives = {};
  const spot: Directives = {};
  for (const [k, v] of Object.entries(d)) {
    if (isLocal(k)) Object.assign(local, normaliseLocal(k, v));
    else if (k.startsWith('_') && isLocal(k.slice(1))) Object.assign(spot, normaliseLocal(k.slice(1), v));
  }
  return { local, spot };
}

function normaliseLocal(k: string, v: unknown): Directives {
  switch (k) {
    case 'class':
      return { class: Array.isArray(v) ? v.join(' ') : v };
    case 'header':
    case 'footer':
      return typeof v === 'string' ? { [k]: v } : {};
    case 'paginate': {
      const value = typeof v === 'string' ? v.toLowerCase() : '';
      return { paginate: value === 'hold' || value === 'skip' ? value : value === 'true' };
    }
    default:
      return { [k]: v };
  }
}

/** `headingDivider`: a level 1–6 (that level and above), a list of levels, or false. */
function headingLevels(v: unknown): number[] | false | undefined {
  if (v === 'false') return false;
  if (Array.isArray(v)) {
    const wanted = v.map((x) => Number.parseInt(String(x), 10));
    return [1, 2, 3, 4, 5, 6].filter((l) => wanted.includes(l));
  }
  const n = Number.parseInt(String(v), 10);
  return n >= 1 && n <= 6 ? Array.from({ length: n }, (_, i) => i + 1) : undefined;
}
