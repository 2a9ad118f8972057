#!/usr/bin/env node
// The npm registry reachable from our build machines lacks some platform-specific optional
// packages (e.g. @unrs/resolver-binding-darwin-arm64). `npm install` there skips them and
// writes a lockfile without their entries, which `npm ci` then rejects as out of sync.
// This adds the missing entries as optional, platform-restricted packages (as npm itself
// records them), so `npm ci` skips them on other platforms and fetches them where they fit.
// Run after any `npm install`: node scripts/complete-lockfile.mjs  (--check to only report)
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

function platformOf(name) {
  const suffix = name
    .split('/')
    .pop()
    .replace(/^resolver-binding-/, '');
  const [os, arch, abi] = suffix.split('-');
  // The binding's name carries npm's own os and cpu names (linux-x64-gnu, darwin-arm64, …).
  const entry = { os: [os], cpu: [arch] };
  if (os === 'linux') entry.libc = [abi?.startsWith('musl') ? 'musl' : 'glibc'];
  return entry;
}

const missing = [];
for (const [path, meta] of Object.entries(packages)) {
  for (const dep of Object.keys(meta.optionalDependencies ?? {})) {
    if (!dep.startsWith('@unrs/resolver-binding-')) continue;
    const key = `node_modules/${dep}`;
    if (packages[key] || packages[`${path}/${key}`]) continue;
    missing.push(dep);
    packages[key] = {
      version: meta.optionalDependencies[dep],
      ...platformOf(dep),
      dev: true,
      optional: true,
    };
  }
}
if (process.argv.includes('--check')) {
  if (missing.length) {
    console.error(
      `package-lock.json lacks ${missing.length} platform packages; run node scripts/complete-lockfile.mjs`,
    );
    process.exit(1);
  }
} else if (missing.length) {
  lock.packages = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) =>
      a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
    ),
  );
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`added ${missing.length} platform entries: ${missing.join(', ')}`);
}
