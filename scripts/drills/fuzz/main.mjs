#!/usr/bin/env node
// Bad-input fuzzer for drill 04: requests generated from the OpenAPI document, mutated so
// that every one of them must be refused, sent through nginx as an admin and as no one.
//
//   node scripts/drills/fuzz/main.mjs prepare --out fixtures.json   (signs in: keep it private)
//   node scripts/drills/fuzz/main.mjs run --fixtures fixtures.json --out summary.json
//        [--seed N] [--admin N] [--anon N] [--concurrency 16] [--only INDEX[,INDEX]] [--dump]
//        [--spec openapi.json] [--dry-run]
//
// Env: BASE_URL, ADMIN_EMAIL, ADMIN_PASSWORD. `prepare` signs in and creates the rows the
// requests point at (an item, a location, a movement, a user, an API token). `run` uses the
// admin session `prepare` saved, generates the requests from a seeded PRNG (same seed = same
// requests; --only replays some by index, --dump prints them; --dry-run prints each request
// as sent, body as its sha256, and sends nothing; --spec reads the OpenAPI document from a
// file, not the API) and checks every answer:
//   - no 5xx, no transport error;
//   - every 4xx is application/problem+json with numeric status (= HTTP status), code and
//     detail, and no stack trace;
//   - as no one, an operation that is not public answers 401 (see check.mjs);
//   - no write is accepted (2xx): each write carries a reason it must be refused (a
//     guaranteed schema/body error, or an "anchor": a missing id, a duplicate unique value,
//     an unknown reference, a wrong password). Any accepted write is listed in `accepted`.
// Node 20, no dependencies: node:http rather than fetch, because fetch normalises paths
// (`..`), always sets a content type for string bodies and refuses some bodies we want.
import { readFileSync } from 'node:fs';
import { die, num, parseArgs, usage } from '../cli.mjs';
import { agent } from '../http.mjs';
import { loadSpec, operations } from '../openapi.mjs';
import { generate } from './generate.mjs';
import { prepare } from './prepare.mjs';
import { report } from './report.mjs';
import { preview, printRequests, sendAll } from './send.mjs';

const fail = (msg) => die('fuzz', msg);
const args = parseArgs('fuzz', process.argv.slice(2), ['dump', 'dry-run']);
const [command] = args._;
if (args.help || !command) {
  console.log(usage(import.meta.url));
  process.exit(args.help ? 0 : 2);
}

async function run() {
  const fx = JSON.parse(readFileSync(args.fixtures ?? fail('--fixtures is required'), 'utf8'));
  const seed = num('fuzz', args, 'seed', Date.now() % 1_000_000);
  const counts = { admin: num('fuzz', args, 'admin', 7000), anon: num('fuzz', args, 'anon', 3500) };
  const concurrency = num('fuzz', args, 'concurrency', 16);
  const ops = operations(await loadSpec('fuzz', args.spec));
  let list = generate(ops, fx, seed, counts);
  if (args.only) {
    const keep = new Set(args.only.split(',').map(Number));
    list = list.filter((r) => keep.has(r.index));
  }
  console.log(
    `# seed ${seed} (replay: --seed ${seed} --admin ${counts.admin} --anon ${counts.anon} --only INDEX); ${ops.length} operations, ${list.length} requests, concurrency ${concurrency}`,
  );
  if (args.dump)
    for (const r of list) console.log(JSON.stringify({ ...r, body: preview(r.body, 300) }));
  if (args['dry-run']) return printRequests(list);
  const tallies = await sendAll(list, fx.adminCookie, concurrency);
  const out = args.out ?? fail('--out is required');
  report({ out, seed, list, concurrency }, tallies);
}

if (command === 'prepare') await prepare(args.out ?? fail('--out is required'));
else if (command === 'run') await run();
else fail(`unknown command '${command}' (prepare | run)`);
agent.destroy();
