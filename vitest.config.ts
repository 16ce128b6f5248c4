import { defineConfig } from 'vitest/config';
import { HeavyFirst } from './tests/helpers/heavy-first.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser and PDF tests are heavy; keep parallelism modest.
    maxWorkers: 2,
    // A worker keeps its loaded modules from one file to the next: importing deckhand (pdfkit, Marp,
    // MathJax) again for each of ~120 files cost more CPU than most tests. Test files hold no shared
    // state (none mocks modules; the one with fake timers restores them), so they can share a worker.
    isolate: false,
    sequence: { sequencer: HeavyFirst },
  },
});
