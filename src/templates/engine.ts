import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { displayPath } from '../config/load.js';
import { Codes } from '../errors/codes.js';
import { error, type Diagnostic } from '../errors/diagnostic.js';
import { registerHelpers } from './helpers.js';
import { partialDirs, templatePath, type TemplateKind } from './lookup.js';
import { checkTemplate, templateError } from './template-errors.js';

const COMPILE = { noEscape: true, strict: true, preventIndent: true } as const;

export interface TemplateEngine {
  /** Renders kind K for audience A. Errors name the template file and line. */
  render(kind: TemplateKind, audience: string, context: object): { text?: string; file: string; diagnostics: Diagnostic[] };
  /** Every template and partial file this engine may read (for incremental builds and watch). */
  files(): string[];
}

/**
 * An isolated Handlebars instance per build (never the global one), with the built-in helpers and
 * the partials of the built-ins and the project. Templates are compiled once and cached.
 */
export function createTemplateEngine(templatesDir: string, cwd: string = process.cwd()): TemplateEngine {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const partialFiles: string[] = [];
  const partialProblems: Diagnostic[] = [];
  for (const dir of partialDirs(templatesDir)) {
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.hbs')) continue;
      const path = join(dir, name);
      const src = readFileSync(path, 'utf8');
      const file = displayPath(path, cwd);
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
    const file = displayPath(path, cwd);
    let src = '';
    try {
      src = readFileSync(path, 'utf8');
    } catch (e) {
      entry = { src, diagnostics: [error(Codes.template, `cannot read template: ${(e as NodeJS.ErrnoException).code}`, { file })] };
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
      const file = displayPath(path, cwd);
      if (partialProblems.length) return { file, diagnostics: partialProblems };
      const entry = compile(path);
      if (!entry.run) return { file, diagnostics: entry.diagnostics };
      try {
        // Plain data only: class instances would need prototype access, which stays blocked.
        return { text: entry.run(context), file, diagnostics: [] };
      } catch (e) {
        return { file, diagnostics: [templateError(e, file, entry.src)] };
      }
    },
    files: () => [...partialFiles, ...cache.keys()],
  };
}
