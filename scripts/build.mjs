// Bundles the CLI and the API into dist/ with esbuild: one file each, dependencies left external
// (heavy ones are imported lazily), so start-up resolves few modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: false, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' }),
  // Worker threads for parallel builds load this next to the bundle that starts them.
  build({ ...common, entryPoints: ['src/build/render-worker.ts'], outfile: 'dist/render-worker.js' }),
]);
