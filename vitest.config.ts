import { defineConfig } from 'vitest/config';
import { HeavyFirst } from './tests/helpers/heavy-first.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser and PDF tests are heavy; keep parallelism modest.
    maxWorkers: 2,
    // Each file gets fresh modules. `isolate: false` (modules shared from file to file) halved the unit
    // tests' CPU, but font caches then carried from one file to the next: in the full suite four files
    // failed (handouts missing letters after another file had loaded fonts its own way).
    isolate: true,
    sequence: { sequencer: HeavyFirst },
  },
});
