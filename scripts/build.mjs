// Bundles the CLI, the API and the render worker into dist/ with esbuild: start-up then reads a few
// files, not hundreds. With code splitting, what a renderer imports lazily (marp-core, pdfkit and
// fontkit, markdown-it) lands in chunks of its own, loaded only when a format needs it. Always
// external: the browser driver, the watcher, the font files, pdfkit's standard fonts (never used), and
// MathJax (it loads its font data on demand, by import() of files in its own package folder), resvg.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const external = [
  'playwright-core',
  'chokidar',
  'dejavu-fonts-ttf',
  // harfbuzz's wasm is found by require.resolve from its own package folder.
  'subset-font',
  // Hyphenation patterns (81 files, up to 750 kB each) are required at run time, one language at a time.
  'hyphen',
  'hyphen/*',
  '#standard-fonts/*',
  '@mathjax/src',
  '@mathjax/src/*',
  '@mathjax/mathjax-newcm-font/*',
  // A native addon: it requires its prebuilt binary for the platform, from its own package folder.
  '@resvg/resvg-js',
];
// zod re-exports every message locale (a quarter of the bundle) as `z.locales`; deckhand writes its own
// messages and zod's default English one comes from its own import, so the bundle keeps English only.
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/zod/') ? { path: 'zod-locales', namespace: 'deckhand' } : undefined,
    );
    b.onLoad({ filter: /^zod-locales$/, namespace: 'deckhand' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: process.cwd(),
    }));
  },
};

// Chunk names change with their content: old ones go (the API's declarations in dist/types stay).
const old = existsSync('dist') ? readdirSync('dist').filter((f) => f.endsWith('.js')) : [];
for (const f of old) rmSync(`dist/${f}`);

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: process.env.DECKHAND_NO_MINIFY ? false : true,
  keepNames: true,
  logLevel: 'warning',
  plugins: [englishOnlyZod],
  // Bundled CommonJS dependencies (handlebars) call require() for Node's own modules.
  banner: {
    js:
      "import { createRequire as __deckhandRequire } from 'node:module'; const require = " +
      '__deckhandRequire(import.meta.url);',
  },
};
await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  splitting: true,
  // Chunks sit next to the entries: code in them finds render-worker.js beside itself.
  chunkNames: '[name]-[hash]',
  external,
});
// The worker loads the renderers' libraries as plain Node modules: over a long run it measured faster
// so (100 topics: 5.4–5.6 s against 5.6–5.8 s with them bundled in), while for the main thread the
// bundle wins at start-up (one topic's handouts: 0.68 → 0.62 s).
const renderLibraries = [
  '@marp-team/marp-core',
  '@marp-team/marp-core/*',
  'pdfkit',
  'svg-to-pdfkit',
  'fontkit',
  'markdown-it',
  'markdown-it-deflist',
];
await build({
  ...common,
  entryPoints: { 'render-worker': 'src/build/threads/render-worker.ts' },
  external: [...external, ...renderLibraries],
});
