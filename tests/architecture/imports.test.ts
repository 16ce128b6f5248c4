import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The house rules (README "Development"): each folder of src/ may import only the folders listed for it,
// so the pipeline reads bottom-up, and no module imports itself back through others (type-only imports
// count: a circle of types is a circle of concepts).
const MAY_IMPORT: Record<string, string[]> = {
  errors: [],
  // The math every output shares (dollar rule, markdown-it rule, the lazily loaded engine): imports nothing.
  math: [],
  patches: [],
  paths: [],
  strings: ['errors'],
  themes: ['errors'],
  fonts: ['errors', 'patches', 'paths'],
  typeset: ['errors', 'fonts'],
  source: ['errors'],
  config: ['errors', 'source', 'paths', 'themes', 'fonts', 'strings'],
  content: ['errors', 'source', 'config'],
  templates: ['errors', 'paths', 'source', 'config', 'content', 'strings', 'math'],
  view: ['errors', 'source', 'config', 'content', 'templates', 'typeset', 'themes', 'fonts', 'strings', 'math'],
  render: [
    'errors',
    'patches',
    'paths',
    'config',
    'content',
    'templates',
    'typeset',
    'themes',
    'fonts',
    'strings',
    'math',
  ],
  output: ['errors', 'paths', 'source'],
  lint: ['errors', 'source', 'config', 'content', 'view', 'strings', 'math'],
  build: [
    'errors',
    'patches',
    'paths',
    'source',
    'config',
    'content',
    'view',
    'templates',
    'render',
    'output',
    'lint',
    'strings',
  ],
  watch: ['errors', 'paths', 'source', 'config', 'content', 'output', 'build'],
  print: ['errors', 'paths', 'source', 'config', 'content', 'view', 'templates', 'render', 'output', 'strings'],
  init: ['errors', 'paths', 'config', 'content'],
  cli: ['*'],
  index: ['*'],
};

const SRC = join(process.cwd(), 'src');
const files = (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(SRC, f));
const folderOf = (file: string) => relative(SRC, file).split('/')[0]!.replace(/\.ts$/, '');
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
const edges = new Map(
  files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) =>
      normalize(join(dirname(file), (m[1] ?? m[2])!)).replace(/\.js$/, '.ts'),
    );
    return [file, targets] as const;
  }),
);

describe('the house: imports', () => {
  it('every folder imports only the folders below it', () => {
    const wrong: string[] = [];
    for (const [file, targets] of edges) {
      const from = folderOf(file);
      const allowed = MAY_IMPORT[from];
      if (!allowed) wrong.push(`${relative(SRC, file)}: folder "${from}" has no entry in MAY_IMPORT`);
      for (const t of targets) {
        const to = folderOf(t);
        if (to !== from && allowed && !allowed.includes('*') && !allowed.includes(to)) {
          wrong.push(`${relative(SRC, file)} → ${relative(SRC, t)} (${from} may not import ${to})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import circles, type-only imports included', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const t of edges.get(file) ?? []) {
        if (state.get(t) === 'open')
          circles.push([...stack.slice(stack.indexOf(t)), t].map((f) => relative(SRC, f)).join(' → '));
        else if (!state.has(t) && edges.has(t)) visit(t);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of edges.keys()) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });
});
