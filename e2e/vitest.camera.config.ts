import { defineConfig } from 'vitest/config';

// The camera walk alone (e2e/run.sh runs it after the walk, against the stack restarted with
// the HTTPS listener: browsers give the camera only to secure pages). Settings as in
// vitest.config.ts; not merged with it, which would add this include to its own.
export default defineConfig({
  test: {
    include: ['src/camera-scan.walk.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['verbose'],
  },
});
