import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../config/load.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import type { RenderOutput } from '../render/types.js';
import type { CacheEntry } from './cache.js';
import { writeAtomic } from './emit.js';
import type { Task } from './plan.js';
import type { ArtifactRecord, ArtifactStatus } from './types.js';

export function artifactRecord(task: Task, output: Pick<RenderOutput, 'bytes' | 'pages'>, status: ArtifactStatus): ArtifactRecord {
  return {
    path: task.path,
    topic: task.unit.topic.slug,
    audience: task.unit.audience.name,
    format: task.renderer.format,
    renderer: task.renderer.name,
    bytes: output.bytes.byteLength,
    sha256: createHash('sha256').update(output.bytes).digest('hex'),
    ...(output.pages !== undefined ? { pages: output.pages } : {}),
    inputs: task.inputs,
    date: task.date.toISOString(),
    written: status === 'written',
    status,
  };
}

/** An artifact the cache vouches for, as if it had been rendered. */
export function cachedRecord(task: Task, entry: CacheEntry): ArtifactRecord {
  const { path, topic, audience, format, bytes, sha256, pages, inputs, date } = entry;
  return { path, topic, audience, format, renderer: task.renderer.name, bytes, sha256, ...(pages !== undefined ? { pages } : {}), inputs, date, written: false, status: 'cached' };
}

/** Writes an artifact atomically; a failed write is a diagnostic (null), not a crash. */
export function writeArtifact(outDir: string, task: Task, bytes: Uint8Array, diagnostics: Diagnostic[], cwd: string): ArtifactStatus | null {
  const path = join(outDir, task.path);
  try {
    return writeAtomic(path, bytes) ? 'written' : 'unchanged';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    diagnostics.push(error(Codes.output, `cannot write output (${code})`, { file: displayPath(path, cwd), hint: 'check that the output folder exists and is writable, or pick another with -o' }));
    return null;
  }
}

/** --check: how the file on disk compares with the fresh bytes. */
export function compareArtifact(outDir: string, task: Task, bytes: Uint8Array): ArtifactStatus {
  try {
    return Buffer.compare(readFileSync(join(outDir, task.path)), bytes) === 0 ? 'current' : 'stale';
  } catch {
    return 'missing';
  }
}
