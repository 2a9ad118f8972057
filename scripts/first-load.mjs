#!/usr/bin/env node
// First-load JS per route of the front end's production build: the entry chunk, plus the
// route's lazy chunk, plus every chunk those import statically (what the browser must fetch
// before the page can render), each gzipped as nginx would send it. Reads the manifest the
// build writes (build.manifest in frontend/vite.config.ts).
// Run after `npm run build -w frontend`: node scripts/first-load.mjs
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../frontend/dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));

// Routes inside the app shell (layout, nav, user menu, session guard), which is a lazy chunk
// of its own that every one of them loads too; sign-in loads only its own page.
const SHELL = 'src/app/app-shell.tsx';
const OUTSIDE_SHELL = new Set(['sign-in']);

const ROUTES = {
  'sign-in': 'src/features/auth/routes/sign-in-route.tsx',
  dashboard: 'src/app/routes/dashboard-route.tsx',
  items: 'src/features/items/routes/items-route.tsx',
  'item detail': 'src/features/items/routes/item-detail-route.tsx',
  'new movement': 'src/features/movements/routes/new-movement-route.tsx',
  movements: 'src/features/movements/routes/movements-route.tsx',
  status: 'src/features/system/routes/status-route.tsx',
};

function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) closure(next, seen);
  return seen;
}

const gzipped = (file) => gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const entryChunks = closure(entry);
console.log('route          first-load JS (gzip)   of which shared entry   CSS (gzip)');
for (const [route, source] of Object.entries(ROUTES)) {
  if (!manifest[source]) throw new Error(`${source} is not a chunk of the build`);
  const chunks = closure(source, new Set(entryChunks));
  if (!manifest[SHELL]) throw new Error(`${SHELL} is not a chunk of the build`);
  if (!OUTSIDE_SHELL.has(route)) closure(SHELL, chunks);
  const js = [...chunks].reduce((sum, key) => sum + gzipped(manifest[key].file), 0);
  const shared = [...entryChunks].reduce((sum, key) => sum + gzipped(manifest[key].file), 0);
  const css = [...chunks]
    .flatMap((key) => manifest[key].css ?? [])
    .reduce((sum, file) => sum + gzipped(file), 0);
  console.log(
    `${route.padEnd(15)}${kb(js).padStart(20)}${kb(shared).padStart(24)}${kb(css).padStart(13)}`,
  );
}
