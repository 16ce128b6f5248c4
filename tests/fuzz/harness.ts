import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { build } from '../../src/index.js';
import { rgbaPng } from '../helpers/png.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { IMAGES, type DataMutation, type Mutant, type TextMutation } from './arbitraries.js';

/** What one fuzz case did, and every broken promise found in it. */
export interface Verdict {
  /** What the CLI would exit with: 0 built, 1 input problems, 3 internal error (a thrown exception). */
  exit: 0 | 1 | 3;
  codes: string[];
  problems: string[];
}

let base: string | undefined;

/** The images every fuzz project holds (made once per process). */
function imagesDir(): string {
  if (base) return base;
  base = mkdtempSync(join(tmpdir(), 'deckhand-fuzz-base-'));
  mkdirSync(join(base, 'images'));
  writeFileSync(join(base, IMAGES[0]), rgbaPng(12, 8, 3));
  // From the package root, not this file: scripts/fuzz.mjs runs a bundled copy of this module.
  cpSync(join(PACKAGE_ROOT, 'tests/fixtures/handout/content/images/photo.jpg'), join(base, IMAGES[1]));
  writeFileSync(join(base, IMAGES[2]), rgbaPng(5, 9, 7));
  return base;
}

/** Writes the topic into a fresh project, builds it in-process, and checks deckhand's promises. */
export async function buildTopic(
  file: string | Uint8Array,
  ext: 'yaml' | 'json',
  options: { qpdf: boolean; mustBuild: boolean; outputLink?: string | undefined },
): Promise<Verdict> {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-fuzz-'));
  // A folder of the output that links outside the project: nothing may ever be written through it.
  const outside = options.outputLink ? mkdtempSync(join(tmpdir(), 'deckhand-fuzz-outside-')) : undefined;
  try {
    cpSync(imagesDir(), join(dir, 'content'), { recursive: true });
    writeFileSync(join(dir, `content/topic.${ext}`), file);
    if (outside) {
      const link = join(dir, 'output', options.outputLink!);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(outside, link);
    }
    let result;
    try {
      result = await build({ cwd: dir, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    } catch (e) {
      return { exit: 3, codes: [], problems: [`internal error (exit 3): ${(e as Error).stack ?? String(e)}`] };
    }
    const problems: string[] = [];
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (outside && readdirSync(outside).length)
      problems.push(`wrote through the linked output/${options.outputLink}: ${readdirSync(outside).join(', ')}`);
    for (const a of result.artifacts)
      if (options.outputLink && a.path.startsWith(`${options.outputLink}/`))
        problems.push(`an artifact through the linked output/${options.outputLink}: ${a.path}`);
    for (const d of result.diagnostics) {
      const text = `${d.code} ${d.message} ${d.hint ?? ''}`;
      if (!/^DH_[A-Z_]+$/.test(d.code)) problems.push(`bad code: ${text}`);
      if (/\bundefined\b|\[object Object\]|\bNaN\b/.test(d.message + (d.hint ?? '')))
        problems.push(`sloppy message: ${text}`);
      if (d.severity === 'error' && !d.hint) problems.push(`error without a hint: ${text}`);
      if (
        d.severity === 'error' &&
        d.file === `content/topic.${ext}` &&
        d.code !== 'DH_RENDER' &&
        !(d.line! >= 1 && d.col! >= 1)
      )
        problems.push(`error without a position: ${text}`);
    }
    if (result.ok) {
      if (errors.length) problems.push('ok with errors');
      for (const a of result.artifacts) {
        const path = join(result.outDir, a.path);
        if (!existsSync(path)) problems.push(`artifact missing: ${a.path}`);
        else if (options.qpdf && path.endsWith('.pdf')) {
          const check = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
          if (check.status !== 0)
            problems.push(`qpdf --check ${a.path}: exit ${check.status}\n${check.stdout}${check.stderr}`);
        }
      }
      if (!result.artifacts.some((a) => a.path.endsWith('handout.pdf'))) problems.push('built without a handout');
    } else {
      if (!errors.length) problems.push('failed without an error');
      // Input errors are found before anything is written; render errors still write the other artifacts.
      if (!errors.some((d) => d.code === 'DH_RENDER') && !outside && existsSync(result.outDir))
        problems.push('output written although the input had errors');
      if (options.mustBuild)
        problems.push(
          `a valid topic did not ` +
            `build:\n${errors.map((d) => `  ${d.file}:${d.line}:${d.col} ${d.message} [${d.code}]`).join('\n')}`,
        );
    }
    return { exit: result.ok ? 0 : 1, codes: [...new Set(errors.map((d) => d.code))].sort(), problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (outside) rmSync(outside, { recursive: true, force: true });
  }
}

/** The file a topic is written as. */
export function serialize(topic: unknown, ext: 'yaml' | 'json'): string {
  return ext === 'json' ? JSON.stringify(topic, null, 2) : stringify(topic);
}

/** Applies a mutant's data changes, writes it out, then applies its text changes. */
export function mutate(m: Mutant): string | Uint8Array {
  const data = structuredClone(m.topic) as unknown;
  for (const d of m.data) applyData(data, d);
  let file: string | Uint8Array = serialize(data, m.format);
  for (const t of m.text) file = applyText(file, t);
  return file;
}

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every key and list element, depth first: the `at` of a data mutation picks one of them. */
function slots(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push({ parent: value, key: i }), slots(v, out)));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      (out.push({ parent: value as Record<string, unknown>, key: k }), slots(v, out));
  return out;
}

function applyData(data: unknown, m: DataMutation): void {
  // fast-check hands out the same instance of a constant ([] or {}) every time: never insert it itself.
  if ('value' in m) m = { ...m, value: structuredClone(m.value) };
  const all = slots(data);
  if (!all.length) return;
  const slot = all[m.at % all.length]!;
  if (m.kind === 'delete') {
    if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
    else delete slot.parent[slot.key as string];
  } else if (m.kind === 'replace') {
    (slot.parent as Record<string | number, unknown>)[slot.key] = m.value;
  } else if (m.kind === 'add-key') {
    const maps = [data, ...all.map((s) => (s.parent as Record<string | number, unknown>)[s.key])].filter(
      (v) => v && typeof v === 'object' && !Array.isArray(v),
    );
    const target = maps[m.at % maps.length] as Record<string, unknown>;
    Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  } else {
    const sections = (data as { sections?: unknown }).sections;
    if (Array.isArray(sections) && sections.length) sections.push(structuredClone(sections[m.at % sections.length]));
  }
}

function applyText(file: string | Uint8Array, m: TextMutation): string | Uint8Array {
  if (m.kind === 'garbage') return m.bytes;
  const text = typeof file === 'string' ? file : new TextDecoder().decode(file);
  const at = text.length ? m.at % text.length : 0;
  switch (m.kind) {
    case 'cut':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
  }
}

/** For reports: a case as the file deckhand read (cut short). */
export function describeFile(file: string | Uint8Array): string {
  const text =
    typeof file === 'string' ? file : `<${file.length} bytes> ${Buffer.from(file).toString('hex').slice(0, 200)}`;
  return text.length > 4000 ? text.slice(0, 4000) + '\n…' : text;
}
