import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { preloadOnlyNew } from './build/preload-only-new';

// In production nginx proxies /api; in dev Vite does the same so the browser only ever
// talks to one origin and the CSP `connect-src 'self'` holds in both.
const apiUrl = process.env.API_URL ?? 'http://localhost:3000';

const preload = preloadOnlyNew();

export default defineConfig({
  plugins: [react(), preload.plugin],
  // `@/lib/quantity` instead of `../../../lib/quantity` (also in tsconfig.json's paths).
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // React 19 has useSyncExternalStore; wouter's shim for React < 18 is dead weight.
      {
        find: /^use-sync-external-store\/shim\/index\.js$/,
        replacement: fileURLToPath(
          new URL('./src/lib/use-sync-external-store.ts', import.meta.url),
        ),
      },
    ],
  },
  server: {
    proxy: {
      '/api': { target: apiUrl, changeOrigin: false },
    },
  },
  build: {
    // Hashed files under dist/assets/ (Vite's default) let nginx cache them immutably.
    outDir: 'dist',
    assetsDir: 'assets',
    // dist/.vite/manifest.json: which chunks each route loads (first-load JS per route).
    manifest: true,
    // Every browser the app supports has <link rel=modulepreload>; the polyfill is 0.5 kB of
    // the first load for none of them. Lazy imports preload only chunks not yet loaded.
    modulePreload: {
      polyfill: false,
      resolveDependencies: preload.resolveDependencies,
    },
    rolldownOptions: {
      output: {
        // Chunks by hash alone (assets/BtyVLAlZ.js, not assets/vendor-BtyVLAlZ.js): their
        // names are in every import line and preload list; 0.3 kB of the dashboard's first
        // load (decision 0019). The manifest still maps each chunk to its source.
        chunkFileNames: 'assets/[hash].js',
        // React, TanStack Query and wouter in one chunk rather than spread over three with our
        // own code: fewer files on every first load (each costs its own gzip start and import
        // lines; decision 0019). Libraries only: a group that also pulls in app modules can
        // order chunks so that one runs before what it needs (tried; the app did not start).
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules\/(react|react-dom|scheduler|@tanstack|wouter|regexparam)\//,
              // Only what the entry needs before anything is lazy: TanStack Query's mutation
              // and infinite-query observers go with the pages that use them (0.6 kB).
              tags: ['$initial'],
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // Vitest's 5 s default: a sign-in test that takes ~0.3 s alone took 5.03 s in a CI run
    // beside the backend's tests on 2 cores. A test waits for behaviour, never for speed.
    testTimeout: 20_000,
  },
});
