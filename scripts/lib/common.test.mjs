// scripts/lib/common.sh's compose_cid under the options backup, restore and upgrade run with
// (set -euo pipefail): `compose ps -q | head -n1` can kill compose with SIGPIPE when it has
// more to write, and pipefail then fails the assignment (stack.test.mjs has the same for cid).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const commonSh = join(import.meta.dirname, 'common.sh');

/** Runs `compose_cid ARGS` with `docker` replaced by PS (a shell snippet); status and output. */
function composeCid(ps, ...args) {
  const script = `set -euo pipefail; prog=test; source "$1"; shift
    docker() { ${ps}; }; id=$(compose_cid "$@"); echo "$id"`;
  const result = spawnSync('bash', ['-c', script, 'bash', commonSh, ...args], {
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { status: result.status, out: result.stdout, err: result.stderr };
}

test('when compose lists more containers than a pipe holds at once, then compose_cid names the first', () => {
  for (let run = 0; run < 5; run += 1) {
    const { status, out } = composeCid('echo first; seq 1 300000', 'api');
    assert.deepEqual({ status, out }, { status: 0, out: 'first\n' });
  }
});

test('when compose fails, then its message reaches stderr and the assignment fails', () => {
  const { status, err } = composeCid('echo "cannot connect to the daemon" >&2; return 3', 'api');
  assert.equal(status, 3);
  assert.match(err, /cannot connect to the daemon/);
});

test('when -a is given, then compose is asked for stopped containers too, for that service', () => {
  assert.deepEqual(composeCid('echo "$*"', '-a', 'api'), {
    status: 0,
    out: 'compose ps -a -q api\n',
    err: '',
  });
  assert.deepEqual(composeCid('echo "$*"', 'db'), {
    status: 0,
    out: 'compose ps -q db\n',
    err: '',
  });
});

test('when the service has no container, then compose_cid prints nothing', () => {
  assert.deepEqual(composeCid('true', 'api'), { status: 0, out: '\n', err: '' });
});
