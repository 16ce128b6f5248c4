// Bundles the CLI, the API and the render worker into dist/ with esbuild. Light dependencies are
// bundled in (start-up then reads and resolves a few files, not hundreds); heavy ones stay external
// and are imported lazily, only by the renderers that need them.
import { build } from 'esbuild';

const external = ['@marp-team/marp-core', '@marp-team/marp-core/*', 'playwright-core', 'katex', 'chokidar', 'dejavu-fonts-ttf', '#standard-fonts/*'];
// zod re-exports every message locale (a quarter of the bundle) as `z.locales`; deckhand writes its own
// messages and zod's default English one comes from its own import, so the bundle keeps English only.
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (args.importer.includes('/zod/') ? { path: 'zod-locales', namespace: 'deckhand' } : undefined));
    b.onLoad({ filter: /^zod-locales$/, namespace: 'deckhand' }, () => ({ contents: "export { default as en } from 'zod/v4/locales/en.js';", resolveDir: process.cwd() }));
  },
};

await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', 'render-worker': 'src/build/render-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'node20',
  external,
  minify: process.env.DECKHAND_NO_MINIFY ? false : true,
  keepNames: true,
  logLevel: 'warning',
  plugins: [englishOnlyZod],
  // Bundled CommonJS dependencies (handlebars) call require() for Node's own modules.
  banner: { js: "import { createRequire as __deckhandRequire } from 'node:module'; const require = __deckhandRequire(import.meta.url);" },
});
