import { defineConfig } from 'vitest/config';

// One test file at a time: they share one stack and one two-core box. Within walk.test.ts
// the steps run in order and build on each other (Vitest's default inside a file).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    fileParallelism: false,
    // Real containers on a busy two-core box: generous, but a hung step still ends the run.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['verbose'],
  },
});
