import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readRegularText } from '../source/regular-file.js';

export const MANIFEST = 'manifest.json';
/** manifest.json and the cache list a few hundred bytes an artifact; anything bigger is not ours. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** One artifact as `manifest.json` lists it. */
export interface ManifestEntry {
  /** Relative to the output folder, with `/`. */
  path: string;
  topic: string;
  audience: string;
  /** The artifact's language (BCP 47): the source's, or a translation's. */
  lang?: string;
  format: string;
  bytes: number;
  sha256: string;
  /** Pages (PDF) or slides (deck). */
  pages?: number;
  /** sha256 over the inputs this artifact came from. */
  inputs: string;
  /** The build date this artifact carries (ISO 8601). */
  date: string;
}

export interface Manifest {
  tool: 'deckhand';
  version: string;
  /** SOURCE_DATE_EPOCH when set, else the newest artifact's date: a no-op build leaves the file as it was. */
  buildDate: string;
  artifacts: ManifestEntry[];
}

export const manifestEntry = ({
  path,
  topic,
  audience,
  lang,
  format,
  bytes,
  sha256,
  pages,
  inputs,
  date,
}: ManifestEntry): ManifestEntry => ({
  path,
  topic,
  audience,
  ...(lang !== undefined ? { lang } : {}),
  format,
  bytes,
  sha256,
  ...(pages !== undefined ? { pages } : {}),
  inputs,
  date,
});

const isText = (v: unknown): v is string => typeof v === 'string';

/**
 * A manifest is a committed file anyone may edit: an entry of the wrong shape (a `pages` that is
 * markup, say) is dropped rather than trusted by --clean, the cache or the preview's index.
 */
export function isManifestEntry(e: unknown): e is ManifestEntry {
  if (e === null || typeof e !== 'object') return false;
  const m = e as Record<string, unknown>;
  return (
    [m.path, m.topic, m.audience, m.format, m.sha256, m.inputs, m.date].every(isText) &&
    Number.isSafeInteger(m.bytes) &&
    (m.pages === undefined || Number.isSafeInteger(m.pages)) &&
    (m.lang === undefined || isText(m.lang))
  );
}

/** The entries of `<out>/manifest.json` by path; a missing or unreadable manifest is empty. */
export function readManifest(outDir: string): Map<string, ManifestEntry> {
  try {
    const path = join(outDir, MANIFEST);
    const text = readRegularText(path, MAX_RECORD_BYTES); // never block on a FIFO or read /dev/zero
    if (text === undefined) return new Map();
    const json = JSON.parse(text) as Partial<Manifest>;
    const list = Array.isArray(json.artifacts) ? json.artifacts : [];
    return new Map(list.filter(isManifestEntry).map((e) => [e.path, manifestEntry(e)]));
  } catch {
    return new Map();
  }
}

/**
 * Merges this build's artifacts into the previous manifest: a partial build (-a, -f, paths, a
 * shard) keeps the entries of everything else still on disk; removed files drop out.
 */
export function mergeManifest(
  previous: ReadonlyMap<string, ManifestEntry>,
  built: readonly ManifestEntry[],
  outDir: string,
  removed: readonly string[],
): ManifestEntry[] {
  const merged = new Map(previous);
  for (const path of removed) merged.delete(path);
  for (const [path] of merged) if (!existsSync(join(outDir, path))) merged.delete(path);
  for (const entry of built) merged.set(entry.path, manifestEntry(entry));
  return [...merged.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Stable key order, paths relative, no absolute paths or host names: byte-identical for the same inputs. */
export function manifestBytes(
  entries: readonly ManifestEntry[],
  version: string,
  fixedDate: Date | undefined,
): Uint8Array {
  const newest = entries.reduce((max, e) => (e.date > max ? e.date : max), '');
  const manifest: Manifest = {
    tool: 'deckhand',
    version,
    buildDate: fixedDate?.toISOString() ?? (newest || new Date(0).toISOString()),
    artifacts: entries.map(manifestEntry),
  };
  return new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n');
}
