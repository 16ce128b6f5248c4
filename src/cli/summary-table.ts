import type { ArtifactRecord } from '../build/types.js';
import { formatBytes, formatPages } from './format.js';

const MAX_ROWS = 40;
const SHORT: Record<ArtifactRecord['status'], string> = {
  written: 'new',
  unchanged: 'same',
  cached: 'cached',
  current: 'ok',
  stale: 'STALE',
  missing: 'MISSING',
};

/**
 * The end-of-build table on a terminal: one row per topic × audience, one column per output file,
 * each cell the artifact's status (`new`, `same`: rendered; `cached`: not rendered) and its page or
 * slide count (else its size).
 */
export function summaryTable(artifacts: readonly ArtifactRecord[], columns: number): string[] {
  if (!artifacts.length) return [];
  const files = [...new Set(artifacts.map((a) => a.path.split('/').pop()!))];
  const rows = new Map<string, Map<string, ArtifactRecord>>();
  for (const a of artifacts) {
    const key = `${a.topic}\0${a.audience}`;
    if (!rows.has(key)) rows.set(key, new Map());
    rows.get(key)!.set(a.path.split('/').pop()!, a);
  }
  const cell = (a: ArtifactRecord | undefined) =>
    a ? [SHORT[a.status], formatPages(a) || formatBytes(a.bytes)].join(' ') : '—';
  const table = [['topic', 'audience', ...files]];
  for (const [key, byFile] of [...rows].slice(0, MAX_ROWS))
    table.push([...key.split('\0'), ...files.map((f) => cell(byFile.get(f)))]);
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const lines = table.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()
      .slice(0, Math.max(20, columns - 1)),
  );
  if (rows.size > MAX_ROWS) lines.push(`… ${rows.size - MAX_ROWS} more (--json lists every artifact)`);
  return lines;
}
