// The first-load budget keeps itself (issue 11: at most 90 kB of JavaScript, gzip, before the
// sign-in page and the dashboard can render; decision 0019): the front end is built as it
// ships and scripts/first-load.mjs, which fails above the budget, is run on that build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const script = join(import.meta.dirname, 'first-load.mjs');

function run(command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result;
}

/** Bytes of first-load JS per route, from the script's table. */
function figures(stdout) {
  const rows = stdout.matchAll(/^(\S[\w -]*?)\s+([\d.]+) kB\s+[\d.]+ kB/gm);
  return Object.fromEntries([...rows].map(([, route, kb]) => [route, Number(kb) * 1000]));
}

test('first-load budget', async (t) => {
  const dist = mkdtempSync(join(tmpdir(), 'stockroom-first-load-'));
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  const build = run(
    'npx',
    ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
    join(root, 'frontend'),
  );
  assert.equal(build.status, 0, build.stderr);

  await t.test(
    'when the app is built as it ships, then sign-in and the dashboard load at most 90 kB of JS before they render',
    () => {
      const measured = run('node', [script, dist]);
      assert.equal(measured.status, 0, measured.stderr);
      const kb = figures(measured.stdout);
      assert.ok(kb['sign-in'] > 0 && kb['sign-in'] <= 90_000, `sign-in: ${kb['sign-in']}`);
      assert.ok(kb.dashboard > 0 && kb.dashboard <= 90_000, `dashboard: ${kb.dashboard}`);
    },
  );

  await t.test('when a route is over the budget, then the script says which and exits 1', () => {
    const measured = run('node', [script, dist, '--budget', '50000']);
    assert.equal(measured.status, 1);
    assert.match(measured.stderr, /^sign-in: \d+ bytes of first-load JS, over 50000$/m);
    assert.match(measured.stderr, /^dashboard: \d+ bytes of first-load JS, over 50000$/m);
  });
});
