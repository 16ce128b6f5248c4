import { OutputPathError } from '../output/safe-path.js';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import type { RenderOutput } from '../render/types.js';
import type { CacheEntry } from '../output/cache.js';
import { compareWithFile, writeAtomic } from '../output/atomic-write.js';
import type { Task } from './plan.js';
import type { ArtifactRecord, ArtifactStatus } from './types.js';

export function artifactRecord(
  task: Task,
  output: Pick<RenderOutput, 'bytes' | 'pages'>,
  status: ArtifactStatus,
): ArtifactRecord {
  return {
    path: task.path,
    topic: task.unit.topic.slug,
    audience: task.unit.audience.name,
    lang: task.unit.lang,
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
export function cachedRecord(entry: CacheEntry): ArtifactRecord {
  const { path, topic, audience, lang, format, renderer, bytes, sha256, pages, inputs, date } = entry;
  return {
    path,
    topic,
    audience,
    ...(lang !== undefined ? { lang } : {}),
    format,
    renderer,
    bytes,
    sha256,
    ...(pages !== undefined ? { pages } : {}),
    inputs,
    date,
    written: false,
    status: 'cached',
  };
}

/** Writes an artifact atomically; a failed write is a diagnostic (null), not a crash. */
export function writeArtifact(
  outDir: string,
  task: Task,
  bytes: Uint8Array,
  diagnostics: Diagnostic[],
): ArtifactStatus | null {
  const path = join(outDir, task.path);
  try {
    return writeAtomic(path, bytes, outDir) ? 'written' : 'unchanged';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const why = e instanceof OutputPathError ? e.reason : code;
    diagnostics.push(
      error(Codes.output, `cannot write output (${why})`, {
        file: path,
        hint: 'check that the output folder exists and is writable, or pick another',
        option: 'out',
      }),
    );
    return null;
  }
}

/** --check: how the file on disk compares with the fresh bytes. */
export function compareArtifact(outDir: string, task: Task, bytes: Uint8Array): ArtifactStatus {
  return compareWithFile(join(outDir, task.path), bytes);
}

/** A renderer's warnings, placed at the topic file when they name no file of their own. */
export function renderDiagnostics(task: Task, output: RenderOutput): Diagnostic[] {
  return (output.diagnostics ?? []).map((d) => (d.file ? d : { ...d, file: task.unit.topic.path }));
}

export function renderFailure(task: Task, failure: { message: string; hint?: string }): Diagnostic {
  const where = `${task.path.split('/').at(-1)} for ${task.unit.topic.slug}/${task.unit.audience.name}`;
  return error(Codes.render, `${where}: ${failure.message}`, {
    file: task.unit.topic.path,
    ...(failure.hint ? { hint: failure.hint } : {}),
  });
}
