// scripts/lib/stack.sh's logs_have under the shell options the check scripts run with
// (set -euo pipefail). `dc logs | grep -q TEXT` failed there when TEXT came before the end
// of a long log: grep exits at the match, compose dies of SIGPIPE and pipefail reports the
// pipeline as failed, so the HTTPS check read a logged line as missing (CI, 2026-12-03).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const stackSh = join(import.meta.dirname, 'stack.sh');

/** Runs `logs_have web TEXT` with `dc logs` replaced by LOG (a shell snippet); its exit status. */
function logsHave(log, text) {
  const script = `set -euo pipefail; source "$1"; dc() { ${log}; }; logs_have web "$2"`;
  const result = spawnSync('bash', ['-c', script, 'bash', stackSh, text], { encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.status;
}

test('when the text is early in a long log, then logs_have finds it', () => {
  // 300,000 lines after the match: far more than a pipe holds when grep has gone.
  for (let run = 0; run < 5; run += 1) {
    assert.equal(
      logsHave(
        `echo 'using the certificate made earlier'; seq 1 300000`,
        'certificate made earlier',
      ),
      0,
    );
  }
});

test('when the text is not in the log, then logs_have says no', () => {
  assert.equal(logsHave('seq 1 1000', 'certificate made earlier'), 1);
});

test('when the text has regular-expression characters, then it is matched as written', () => {
  assert.equal(logsHave(`echo 'a.b'`, 'a.b'), 0);
  assert.equal(logsHave(`echo 'axb'`, 'a.b'), 1);
});

test('when compose cannot read the log, then logs_have fails', () => {
  assert.notEqual(
    logsHave(`echo 'certificate made earlier'; return 3`, 'certificate made earlier'),
    0,
  );
});

test('when a service has more containers than a pipe holds at once, then cid names the first', () => {
  const script = `set -euo pipefail; source "$1"; dc() { echo first; seq 1 300000; }; id=$(cid api); echo "$id"`;
  for (let run = 0; run < 5; run += 1) {
    const result = spawnSync('bash', ['-c', script, 'bash', stackSh], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.equal(result.stdout, 'first\n');
  }
});
