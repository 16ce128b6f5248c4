// Bundles the CLI, the API and the render worker into dist/ with esbuild: start-up then reads a few
// files, not hundreds. With code splitting, what a renderer imports lazily (marp-core, pdfkit and
// fontkit, markdown-it) lands in chunks of its own, loaded only when a format needs it. External:
// the browser driver, the watcher, the font files, and pdfkit's standard fonts (never used).
import { build } from 'esbuild';

const external = ['playwright-core', 'chokidar', 'dejavu-fonts-ttf', '#standard-fonts/*'];
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
