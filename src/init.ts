import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BUILTIN_TEMPLATES } from './paths.js';
import { CONFIG_FILE } from './config/defaults.js';
import { UsageError } from './errors/diagnostic.js';

const CONFIG = `# deckhand configuration: every key is optional; these are the defaults (but for the audiences' formats).
content: content
output: output
templates: templates
audiences:          # replaces the default set; order is build order
  patient:   {label: Patients and families, readingGrade: 8, fontSize: 13}
  student:   {label: Students, readingGrade: 12, fontSize: 11, formats: [slides, handout, slides-handout]}
  clinician: {label: Clinicians, fontSize: 11, formats: [slides, handout, notes]}
# formats: what a build makes for an audience when -f is not given (default: slides, handout)
slides:  {theme: deckhand, size: "16:9", paginate: true, body: auto, pdfEngine: auto}   # theme: deckhand | deckhand-dark | default | gaia | uncover | ./my.css; accent: "#0f7b8a"
handout: {pageSize: LETTER, footer: "This handout does not replace advice from your health care team."}
notes:         {miniatures: drawn, lines: true}                               # notes.pdf: drawn | exact
slidesHandout: {layout: 3, order: horizontal, lines: true, miniatures: drawn}  # layout: 1 | 2 | 3 | 4 | 6 | 9
`;

const EXAMPLE = `title: Washing your hands
subtitle: {default: Why and how, clinician: Hand hygiene in practice}
authors: [Your Name]
date: 2026-01-15
summary:
  default: Clean hands stop germs from spreading. Wash with soap and water for 20 seconds.
  clinician: Hand hygiene at the five WHO moments is the single most effective infection-control measure.
sections:
  - title: Why it matters
    body: Germs spread from hands to food, to surfaces and to other people.
    points:
      - Wash before you eat.
      - Wash after you use the toilet.
      - {text: Document adherence audits monthly., audience: [clinician]}
    notes: Ask the room when they last washed their hands.
  - title: Questions to ask your care team
    audience: [patient]
    points:
      - Which soap should I use at home?
glossary:
  - {term: germs, definition: Tiny living things that can make you sick.}
`;

/**
 * Scaffolds a project: config, one example topic, and copies of the built-in templates to customise.
 * Never overwrites. `dir` is relative to `cwd`; the files come back as absolute paths.
 */
export function initProject(dir: string, cwd: string = process.cwd()): { created: string[]; skipped: string[] } {
  const root = resolve(cwd, dir);
  const files: [string, string][] = [
    [CONFIG_FILE, CONFIG],
    ['content/example.yaml', EXAMPLE],
    ['templates/slides.md.hbs', readFileSync(join(BUILTIN_TEMPLATES, 'slides.md.hbs'), 'utf8')],
    ['templates/handout.md.hbs', readFileSync(join(BUILTIN_TEMPLATES, 'handout.md.hbs'), 'utf8')],
  ];
  const created: string[] = [];
  const skipped: string[] = [];
  for (const [rel, text] of files) {
    const path = join(root, rel);
    if (existsSync(path)) {
      skipped.push(path);
      continue;
    }
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    } catch (e) {
      // The folder given to init cannot hold a project (a file is in the way, no permission): the caller's mistake.
      throw new UsageError(
        `cannot create ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)}): is "${dir}" a file, or not writable?`,
      );
    }
    created.push(path);
  }
  return { created, skipped };
}
