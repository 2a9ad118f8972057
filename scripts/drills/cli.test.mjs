// The drill tools' option parsing: what they accept, and that bad input stops them with
// exit 2 ("could not run") and a message, never a silent empty run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { num, parseArgs } from './cli.mjs';

const cli = new URL('./cli.mjs', import.meta.url).href;
/** Runs CODE (with parseArgs and num imported) in a child: { status, stderr }. */
const run = (code) =>
  spawnSync(
    'node',
    ['--input-type=module', '-e', `import { num, parseArgs } from '${cli}'; ${code}`],
    {
      encoding: 'utf8',
    },
  );

test('when options come as --k v, --k=v (values may hold "="), flags and words, then each lands in its place', () => {
  const opts = parseArgs(
    't',
    ['run', '--seed', '7', '--only=1,2', '--x=a=b', '--dry-run', '-h'],
    ['dry-run'],
  );
  assert.deepEqual(opts, {
    _: ['run'],
    seed: '7',
    only: '1,2',
    x: 'a=b',
    'dry-run': true,
    help: true,
  });
});

test('when a number option is absent or numeric, then num gives the fallback or the number', () => {
  assert.equal(num('t', {}, 'clients', 24), 24);
  assert.equal(num('t', { clients: '8' }, 'clients', 24), 8);
  assert.equal(num('t', { share: '0.4' }, 'share', 0), 0.4);
});

test('when an option that needs a value is last, then the tool exits 2 naming it', () => {
  const r = run(`parseArgs('t', ['--out']);`);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^t: error: --out needs a value/);
});

test('when a number option is not a number, then the tool exits 2 naming it and the value', () => {
  for (const value of ['abc', '', '1x']) {
    const r = run(`num('load', { clients: ${JSON.stringify(value)} }, 'clients', 24);`);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^load: error: --clients must be a number, not "/);
  }
});
