import { resolve } from 'node:path';
import type { ArtifactRecord, BuildResult } from '../build/types.js';
import { displayPath } from './display.js';

export function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1048576).toFixed(1)} MiB`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `12 slides` / `3 pages`, or nothing when the renderer did not count. */
export function formatPages(a: ArtifactRecord): string {
  if (a.pages === undefined) return '';
  const unit = (a.format.startsWith('slides') && !a.path.endsWith('.pdf')) || a.format === 'pptx' ? 'slide' : 'page';
  return `${a.pages} ${unit}${a.pages === 1 ? '' : 's'}`;
}

/** Relative to the working directory when inside it. */
export function shortPath(path: string, cwd: string): string {
  return resolve(path) === resolve(cwd) ? '.' : displayPath(path, cwd);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The closing line: what was done, how long it took, where it went. */
export function totalsLine(result: BuildResult, cwd: string): string {
  const by = new Map<string, number>();
  for (const a of result.artifacts) by.set(a.status, (by.get(a.status) ?? 0) + 1);
  const detail = [...by].map(([status, n]) => `${n} ${status}`).join(', ');
  const topics = new Set(result.artifacts.map((a) => a.topic)).size;
  const verb = result.check ? 'checked' : 'built';
  const time = result.timings.total !== undefined ? ` in ${formatMs(result.timings.total)}` : '';
  return (
    `${verb} ${plural(result.artifacts.length, 'artifact')}${detail ? ` (${detail})` : ''} for ` +
    `${plural(topics, 'topic')}${time} → ${shortPath(result.outDir, cwd)}`
  );
}
