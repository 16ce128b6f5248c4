import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { registerHelpers } from './helpers.js';
import { partialDirs, templatePath, type TemplateKind } from './lookup.js';
import { checkTemplate, templateError } from './template-errors.js';

const COMPILE = { noEscape: true, strict: true, preventIndent: true } as const;

export interface TemplateEngine {
  /** Renders kind K for audience A. Errors name the template file and line. */
  render(
    kind: TemplateKind,
    audience: string,
    context: object,
  ): { text?: string; file: string; diagnostics: Diagnostic[] };
  /** Problems of the template for kind K and audience A that show without rendering (syntax, helpers, partials). */
  check(kind: TemplateKind, audience: string): Diagnostic[];
  /** Every template and partial file this engine may read (for incremental builds and watch). */
  files(): string[];
}

/**
 * An isolated Handlebars instance per build (never the global one), with the built-in helpers and
 * the partials of the built-ins and the project. Templates are compiled once and cached.
 */
export function createTemplateEngine(templatesDir: string): TemplateEngine {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const partialFiles: string[] = [];
  const partialProblems: Diagnostic[] = [];
  for (const dir of partialDirs(templatesDir)) {
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.hbs')) continue;
      const path = join(dir, name);
      const file = path;
      const { src, problem } = readTemplate(path, file);
      if (problem) {
        partialProblems.push(problem);
        continue;
      }
      try {
        hb.parse(src);
        hb.registerPartial(name.split('.')[0]!, src);
        partialFiles.push(path);
      } catch (e) {
        partialProblems.push(templateError(e, file, src));
      }
    }
  }
  const cache = new Map<string, { run?: Handlebars.TemplateDelegate; src: string; diagnostics: Diagnostic[] }>();

  const compile = (path: string) => {
    let entry = cache.get(path);
    if (entry) return entry;
    const file = path;
    const { src, problem } = readTemplate(path, file);
    if (problem) {
      entry = { src, diagnostics: [problem] };
      cache.set(path, entry);
      return entry;
    }
    const diagnostics = checkTemplate(hb, src, file);
    entry = diagnostics.length ? { src, diagnostics } : { src, diagnostics, run: hb.compile(src, COMPILE) };
    cache.set(path, entry);
    return entry;
  };

  return {
    render(kind, audience, context) {
      const path = templatePath(templatesDir, audience, kind);
      const file = path;
      const entry = compile(path);
      if (partialProblems.length || !entry.run)
        return { file, diagnostics: [...partialProblems, ...entry.diagnostics] };
      try {
        // Plain data only: class instances would need prototype access, which stays blocked.
        return { text: entry.run(context), file, diagnostics: [] };
      } catch (e) {
        return { file, diagnostics: [templateError(e, file, entry.src)] };
      }
    },
    check(kind, audience) {
      return [...partialProblems, ...compile(templatePath(templatesDir, audience, kind)).diagnostics];
    },
    files: () => [...partialFiles, ...cache.keys()],
  };
}

/** A template's text, or why it cannot be used (a folder or FIFO where a file should be, unreadable). */
function readTemplate(path: string, file: string): { src: string; problem?: Diagnostic } {
  const fail = (why: string) => ({
    src: '',
    problem: error(Codes.template, `cannot read template: ${why}`, {
      file,
      hint: 'a template is a text file: <templates>/<kind>.md.hbs, <templates>/<audience>/<kind>.md.hbs or <templates>/partials/<name>.hbs',
    }),
  });
  try {
    const info = statSync(path);
    if (info.isDirectory()) return fail('it is a folder');
    if (!info.isFile()) return fail('it is not a regular file');
    return { src: readFileSync(path, 'utf8') };
  } catch (e) {
    return fail((e as NodeJS.ErrnoException).code ?? String(e));
  }
}

/**
 * `createTemplateEngine`, kept while the project's templates stay as they were: a build session's
 * rebuilds (watch) then compile each template once, not once a build (~6 ms of a rebuild). The
 * session owns the returned function; a plain build makes one for itself.
 */
export function templateEngines(): (templatesDir: string) => TemplateEngine {
  let last: { key: string; engine: TemplateEngine } | undefined;
  return (templatesDir) => {
    const key = `${templatesDir}\u0000${stamp(templatesDir)}`;
    if (last?.key !== key) last = { key, engine: createTemplateEngine(templatesDir) };
    return last.engine;
  };
}

/** The templates folder's files and their contents (mtimes are too coarse for two quick saves); only regular files are read. */
function stamp(dir: string): string {
  const hash = createHash('sha256');
  try {
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      const path = join(dir, name);
      const st = statSync(path, { throwIfNoEntry: false });
      hash.update(`${name}\u0000${st?.mode}\u0000${st?.size}\u0000${st?.mtimeMs}\u0000`);
      if (st?.isFile() && st.size <= 1 << 20) hash.update(readFileSync(path));
    }
  } catch {
    hash.update('unreadable');
  }
  return hash.digest('hex');
}
