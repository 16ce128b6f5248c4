import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { configJsonSchema } from './config/config-json-schema.js';
import { CONFIG_FILE } from './config/defaults.js';
import { loadConfig, resolveConfig } from './config/load.js';
import type { ResolvedConfig } from './config/types.js';
import { topicJsonSchema } from './content/topic-json-schema.js';
import { UsageError } from './errors/diagnostic.js';
import { BUILTIN_TEMPLATES } from './paths.js';

/** The editor files init writes into the project root. */
export const TOPIC_SCHEMA_FILE = 'deckhand.schema.json';
export const CONFIG_SCHEMA_FILE = 'deckhand.config.schema.json';

const CONFIG = `# deckhand configuration: every key is optional; \
these are the defaults (but for the audiences' formats).
content: content
output: output
templates: templates
audiences:          # replaces the default set; order is build order
  patient:   {label: Patients and families, readingGrade: 8, fontSize: 13}
  student:   {label: Students, readingGrade: 12, fontSize: 11, formats: [slides, handout, slides-handout]}
  clinician: {label: Clinicians, fontSize: 11, formats: [slides, handout, notes]}
# formats: what a build makes for an audience when -f is not given (default: slides, handout)
slides:  {theme: deckhand, size: "16:9", paginate: true, body: auto, \
pdfEngine: auto}   # theme: deckhand | deckhand-dark | default | gaia | uncover | ./my.css; accent: "#0f7b8a"
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

/** Where the editor finds the schemas: VS Code with the YAML extension (Red Hat), and JSON topics. */
const VSCODE_SETTINGS = `${JSON.stringify(
  {
    'yaml.schemas': {
      [`./${TOPIC_SCHEMA_FILE}`]: ['content/**/*.{yaml,yml}'],
      [`./${CONFIG_SCHEMA_FILE}`]: [CONFIG_FILE],
    },
    'json.schemas': [{ fileMatch: ['content/**/*.json'], url: `./${TOPIC_SCHEMA_FILE}` }],
  },
  null,
  2,
)}\n`;
const VSCODE_EXTENSIONS = `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n`;

export interface InitResult {
  root: string;
  created: string[];
  /** Existing files init added to (.gitignore) or regenerated (the schemas). */
  updated: string[];
  skipped: string[];
}

/**
 * Scaffolds a project: config, one example topic, copies of the built-in templates to customise, the
 * editor files (both schemas, with the project's audiences; VS Code settings; the modeline in the
 * example) and a .gitignore for the output. Never overwrites what a user writes; the schemas are
 * generated and are written again. `dir` is relative to `cwd`; the files come back as absolute paths.
 */
export async function initProject(dir: string, cwd: string = process.cwd()): Promise<InitResult> {
  const root = resolve(cwd, dir);
  const files: [string, string][] = [
    [CONFIG_FILE, `# yaml-language-server: $schema=${CONFIG_SCHEMA_FILE}\n${CONFIG}`],
    ['content/example.yaml', `# yaml-language-server: $schema=../${TOPIC_SCHEMA_FILE}\n${EXAMPLE}`],
    ['templates/slides.md.hbs', readFileSync(join(BUILTIN_TEMPLATES, 'slides.md.hbs'), 'utf8')],
    ['templates/handout.md.hbs', readFileSync(join(BUILTIN_TEMPLATES, 'handout.md.hbs'), 'utf8')],
    ['.vscode/settings.json', VSCODE_SETTINGS],
    ['.vscode/extensions.json', VSCODE_EXTENSIONS],
  ];
  const result: InitResult = { root, created: [], updated: [], skipped: [] };
  for (const [rel, text] of files) {
    const path = join(root, rel);
    if (existsSync(path)) {
      result.skipped.push(path);
      continue;
    }
    write(path, text, dir);
    result.created.push(path);
  }
  // The schemas follow the config that is there now (this one, or the user's own).
  const loaded = await loadConfig({ cwd: root });
  const config = loaded.config ?? loaded.fallback?.config ?? resolveConfig({}, root);
  const existed = [TOPIC_SCHEMA_FILE, CONFIG_SCHEMA_FILE].filter((f) => existsSync(join(root, f)));
  for (const path of writeProjectSchemas(config))
    (existed.some((f) => path.endsWith(f)) ? result.updated : result.created).push(path);
  const ignore = join(root, '.gitignore');
  const out = relative(root, config.output).split(sep).join('/');
  const line = out && !out.startsWith('..') ? `/${out}/` : undefined;
  if (line) {
    const before = existsSync(ignore) ? readFileSync(ignore, 'utf8') : undefined;
    if (before === undefined) {
      write(ignore, `# deckhand's build output (rebuilt by "npx deckhand build")\n${line}\nnode_modules/\n`, dir);
      result.created.push(ignore);
    } else if (!before.split('\n').some((l) => [line, `${out}/`, out, `/${out}`].includes(l.trim()))) {
      write(ignore, `${before}${before.endsWith('\n') || before === '' ? '' : '\n'}${line}\n`, dir);
      result.updated.push(ignore);
    } else result.skipped.push(ignore);
  }
  return result;
}

/**
 * Writes deckhand.schema.json (the project's audiences enumerated) and deckhand.config.schema.json
 * into the project root, replacing earlier ones: `deckhand init` and `deckhand schema --project`.
 */
export function writeProjectSchemas(config: ResolvedConfig): string[] {
  const audiences = config.audiences.map((a) => ({ name: a.name, label: a.label }));
  const files: [string, unknown][] = [
    [join(config.root, TOPIC_SCHEMA_FILE), topicJsonSchema(audiences)],
    [join(config.root, CONFIG_SCHEMA_FILE), configJsonSchema()],
  ];
  for (const [path, schema] of files) write(path, `${JSON.stringify(schema, null, 2)}\n`, config.root);
  return files.map(([path]) => path);
}

function write(path: string, text: string, dir: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    // The folder given to init cannot hold a project (a file is in the way, no permission): the caller's mistake.
    throw new UsageError(
      `cannot create ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)}): is "${dir}" a file, or not writable?`,
    );
  }
}
