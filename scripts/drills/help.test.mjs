// Every drill's and drill tool's --help is its header comment: all of it, and nothing of
// the code after it (the line ranges were once typed in by hand and drifted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const scripts = readdirSync(dir).filter((f) => /^(\d\d-.*|run)\.sh$/.test(f));

for (const name of scripts) {
  test(`when ${name} is run with --help, then it prints its whole header and no code`, () => {
    const path = join(dir, name);
    const header = readFileSync(path, 'utf8')
      .split('\n')
      .slice(1)
      .filter((line, i, lines) => lines.slice(0, i + 1).every((l) => l.startsWith('#')))
      .map((line) => line.replace(/^# ?/, ''));
    const out = execFileSync('bash', [path, '--help'], { encoding: 'utf8' });
    assert.equal(out, header.join('\n') + '\n');
    assert.doesNotMatch(out, /set -euo|esac|shellcheck/);
  });
}

const tools = ['access.mjs', 'ledger-check.mjs', 'fuzz/main.mjs', 'load/main.mjs'];

for (const name of tools) {
  test(`when ${name} is run with --help, then it prints its whole header comment`, () => {
    const path = join(dir, name);
    const lines = readFileSync(path, 'utf8').split('\n').slice(1);
    const header = lines.slice(
      0,
      lines.findIndex((line) => !line.startsWith('//')),
    );
    const out = execFileSync('node', [path, '--help'], { encoding: 'utf8' });
    assert.equal(out, header.map((line) => line.replace(/^\/\/ ?/, '')).join('\n') + '\n');
  });
}
