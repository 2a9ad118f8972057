import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// In production nginx proxies /api; in dev Vite does the same so the browser only ever
// talks to one origin and the CSP `connect-src 'self'` holds in both.
const apiUrl = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // `@/lib/quantity` instead of `../../../lib/quantity` (also in tsconfig.json's paths).
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
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
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
