import { defineConfig } from 'vitest/config';

// One browser walk at a time, in file order: the steps share a stack and build on each other.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    // Real containers on a busy two-core box: generous, but a hung step still ends the run.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['verbose'],
  },
});
