import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_TEMPLATES } from '../paths.js';

export type TemplateKind = 'slides' | 'handout';

/**
 * Where the template for audience A and kind K comes from:
 * `<templates>/<A>/<K>.md.hbs`, then `<templates>/<K>.md.hbs`, then the built-in.
 */
export function templatePath(templatesDir: string, audience: string, kind: TemplateKind): string {
  const candidates = [join(templatesDir, audience, `${kind}.md.hbs`), join(templatesDir, `${kind}.md.hbs`)];
  return candidates.find((p) => existsSync(p)) ?? join(BUILTIN_TEMPLATES, `${kind}.md.hbs`);
}

/** Partial folders, lowest precedence first: built-in, then the project's. */
export function partialDirs(templatesDir: string): string[] {
  const dirs = [join(BUILTIN_TEMPLATES, 'partials')];
  const own = join(templatesDir, 'partials');
  if (own !== dirs[0]) dirs.push(own);
  return dirs.filter((d) => existsSync(d));
}
