#!/usr/bin/env node
// First-load JS per route of the front end's production build: the entry chunk, plus the
// route's lazy chunk, plus every chunk those import statically (what the browser must fetch
// before the page can render), each gzipped as nginx would send it. Reads the manifest the
// build writes (build.manifest in frontend/vite.config.ts).
// Run after `npm run build -w frontend`: node scripts/first-load.mjs [DIST] [--budget BYTES]
// Exits 1 when sign-in or the dashboard is over the budget (90 kB, issue 11; decision 0019);
// scripts/first-load.test.mjs builds the app and runs it, so `npm test` keeps the budget.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { budget: { type: 'string', default: '90000' } },
});
const BUDGET = Number(values.budget);
const BUDGETED = ['sign-in', 'dashboard'];

const dist = positionals[0]
  ? pathToFileURL(`${resolve(positionals[0])}/`)
  : new URL('../frontend/dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));

// Routes inside the app shell (layout, nav, user menu, session guard), which is a lazy chunk
// of its own that every one of them loads too; sign-in loads only its own page.
const SHELL = 'src/app/app-shell.tsx';
const OUTSIDE_SHELL = new Set(['sign-in']);

// The dashboard is part of the shell's chunk (app-shell.tsx imports it), so its first load
// is the shell's; its lists below the counts are a lazy chunk that renders after them.
const DASHBOARD = 'src/app/routes/dashboard-route.tsx';
const DASHBOARD_LISTS = 'src/app/routes/dashboard-lists.tsx';

const ROUTES = {
  'sign-in': 'src/features/auth/routes/sign-in-route.tsx',
  dashboard: SHELL,
  items: 'src/features/items/routes/items-route.tsx',
  'item detail': 'src/features/items/routes/item-detail-route.tsx',
  'new movement': 'src/features/movements/routes/new-movement-route.tsx',
  movements: 'src/features/movements/routes/movements-route.tsx',
  status: 'src/features/system/routes/status-route.tsx',
};

// Were the dashboard a chunk of its own again, counting the shell alone would undercount it.
if (manifest[DASHBOARD]) throw new Error(`${DASHBOARD} is a chunk of its own: list it in ROUTES`);
if (!manifest[SHELL]) throw new Error(`${SHELL} is not a chunk of the build`);

function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) closure(next, seen);
  return seen;
}

const gzipped = (file) => gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
const sum = (keys) => [...keys].reduce((total, key) => total + gzipped(manifest[key].file), 0);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const entryChunks = closure(entry);
const shared = sum(entryChunks);
const firstLoad = {};
console.log('route          first-load JS (gzip)   of which shared entry   CSS (gzip)');
for (const [route, source] of Object.entries(ROUTES)) {
  if (!manifest[source]) throw new Error(`${source} is not a chunk of the build`);
  const chunks = closure(source, new Set(entryChunks));
  if (!OUTSIDE_SHELL.has(route)) closure(SHELL, chunks);
  const js = sum(chunks);
  firstLoad[route] = { js, chunks };
  const css = [...chunks]
    .flatMap((key) => manifest[key].css ?? [])
    .reduce((total, file) => total + gzipped(file), 0);
  console.log(
    `${route.padEnd(15)}${kb(js).padStart(20)}${kb(shared).padStart(24)}${kb(css).padStart(13)}`,
  );
}

if (manifest[DASHBOARD_LISTS]) {
  const lists = closure(DASHBOARD_LISTS, new Set(firstLoad.dashboard.chunks));
  const more = sum(lists) - firstLoad.dashboard.js;
  console.log(`(the dashboard's lists, loaded beside their data after the counts: ${kb(more)})`);
}

const over = BUDGETED.filter((route) => firstLoad[route].js > BUDGET);
for (const route of over) {
  console.error(`${route}: ${firstLoad[route].js} bytes of first-load JS, over ${BUDGET}`);
}
if (over.length > 0) process.exitCode = 1;
