import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { Codes } from '../errors/codes.js';
import { BUILTIN_TEMPLATES } from '../paths.js';
import { confine } from '../source/confine.js';
import { describeProblem, readRegularFile } from '../source/regular-file.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { registerHelpers } from './helpers.js';
import { boundTemplates, MAX_TEMPLATE_OUTPUT, TemplateOutputTooLarge } from './output-bound.js';
import { partialDirs, templatePath, type TemplateKind } from './lookup.js';
import { checkTemplate, templateError } from './template-errors.js';
import { langSpansToHtml } from '../content/lang-span.js';

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
  const bound = boundTemplates(hb);
  const partialFiles: string[] = [];
  const partialProblems: Diagnostic[] = [];
  for (const dir of partialDirs(templatesDir)) {
    const listed = listFolder(dir);
    if ('problem' in listed) {
      partialProblems.push(listed.problem);
      continue;
    }
    for (const name of listed.names) {
      if (!name.endsWith('.hbs')) continue;
      const path = join(dir, name);
      const file = path;
      const { src, problem } = readTemplate(path, file, templatesDir);
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
    const { src, problem } = readTemplate(path, file, templatesDir);
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
        bound.start();
        // Plain data only: class instances would need prototype access, which stays blocked.
        // Text in another language than the document's becomes <span lang="…"> (src/content/lang-span.ts).
        const text = langSpansToHtml(entry.run(context));
        if (text.length > MAX_TEMPLATE_OUTPUT) throw new TemplateOutputTooLarge();
        return { text, file, diagnostics: [] };
      } catch (e) {
        if (e instanceof TemplateOutputTooLarge)
          return {
            file,
            diagnostics: [
              error(Codes.template, `template output is too large: ${e.message}`, {
                file,
                hint: 'a loop inside a loop over the same list multiplies the output; render each list once',
              }),
            ],
          };
        return { file, diagnostics: [templateError(e, file, entry.src)] };
      }
    },
    check(kind, audience) {
      return [...partialProblems, ...compile(templatePath(templatesDir, audience, kind)).diagnostics];
    },
    files: () => [...partialFiles, ...cache.keys()],
  };
}

/** Templates are text; a bigger one is a mistake (or /dev/zero), not a template. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/**
 * A template's text, or why it cannot be used (a folder or FIFO where a file should be, unreadable,
 * or a link leading out of the templates folder: a pull request must not make a build read ~/.ssh).
 * Whether a file exists outside the folder is never told.
 */
function readTemplate(path: string, file: string, templatesDir: string): { src: string; problem?: Diagnostic } {
  const fail = (why: string) => ({
    src: '',
    problem: error(Codes.template, `cannot read template: ${why}`, {
      file,
      hint:
        'a template is a text file: <templates>/<kind>.md.hbs, <templates>/<audience>/<kind>.md.hbs or ' +
        '<templates>/partials/<name>.hbs',
    }),
  });
  let real = path;
  if (!path.startsWith(BUILTIN_TEMPLATES)) {
    const place = confine(templatesDir, path);
    if (place.where !== 'inside')
      return fail(place.where === 'outside' ? 'it leads outside the templates folder' : 'not found');
    real = place.real;
  }
  const read = readRegularFile(real, MAX_TEMPLATE_BYTES);
  if ('problem' in read)
    return fail(read.problem === 'too-large' ? 'it is larger than 1 MiB' : describeProblem(read.problem));
  return { src: read.bytes.toString('utf8') };
}

/** A folder's names, sorted, or a positioned problem (unreadable, a file where the folder should be, a link loop). */
function listFolder(dir: string): { names: string[] } | { problem: Diagnostic } {
  try {
    return { names: readdirSync(dir).sort() };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    const why = code === 'ENOTDIR' ? 'it is a file, not a folder' : code === 'EACCES' ? 'permission denied' : code;
    return {
      problem: error(Codes.template, `cannot read the partials folder: ${why}`, {
        file: dir,
        hint: 'partials live in <templates>/partials/, a folder of <name>.hbs files deckhand can read',
      }),
    };
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

/** The templates folder's files and their contents (mtimes are too coarse for two quick saves); only regular files are
 * read. */
function stamp(dir: string): string {
  const hash = createHash('sha256');
  try {
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      const path = join(dir, name);
      const st = statSync(path, { throwIfNoEntry: false });
      hash.update(`${name}\u0000${st?.mode}\u0000${st?.size}\u0000${st?.mtimeMs}\u0000`);
      const read = st?.isFile() ? readRegularFile(path, MAX_TEMPLATE_BYTES) : undefined;
      if (read && 'bytes' in read) hash.update(read.bytes);
    }
  } catch {
    hash.update('unreadable');
  }
  return hash.digest('hex');
}
