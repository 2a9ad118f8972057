#!/usr/bin/env node
// Checks the ledger of a running stack against what load/ clients were told.
//
//   node scripts/drills/ledger-check.mjs LOAD.json [LOAD.json...]
//
// Queries the database through `docker compose exec -T db psql` (COMPOSE_PROJECT_NAME from
// the environment; the database is not published on the host) and prints TAP-like lines:
//   - every movement id answered 2xx is in `movements` exactly once, under its key;
//   - every key that ended 2xx has exactly one movement, every key that ended 4xx none;
//   - every key got a definitive answer, and no movement of these runs is unaccounted for;
//   - no caller's idempotency key has two movements (whole table; keys are per caller);
//   - stock_levels equals the ledger sum for every item x location, item_totals equals the
//     sum of an item's balances, and no balance is negative (whole database);
//   - the api's own reconciliation (node dist/cli/reconcile.js --json through `docker compose
//     exec api`) finds no difference: balances, totals, history in ledger time, roll-ups.
// Exit status 1 when a check failed, 2 when it could not run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { die, usage } from './cli.mjs';

const files = process.argv.slice(2);
if (!files.length || files.includes('-h') || files.includes('--help')) {
  process.stdout.write(`${usage(import.meta.url)}\n`);
  process.exit(files.length ? 0 : 2);
}

const loads = files.map((f) => {
  try {
    return JSON.parse(readFileSync(f, 'utf8'));
  } catch (error) {
    return die('ledger-check', `cannot read ${f}: ${error.message}`);
  }
});
for (const l of loads)
  if (!/^[A-Za-z0-9-]+$/.test(l.run))
    die('ledger-check', `unexpected run name ${JSON.stringify(l.run)}`);
const runs = loads.map((l) => `'${l.run}-'`).join(',');

// One query, one JSON document: the keyed movements of these runs and every mismatch.
const sql = `
with ledger as (
  select item_id, to_location_id as location_id, quantity as q from movements
   where to_location_id is not null
  union all
  select item_id, from_location_id, -quantity from movements where from_location_id is not null
), sums as (
  select item_id, location_id, sum(q) as q from ledger group by item_id, location_id
), balances as (
  select coalesce(s.item_id, l.item_id) as item_id, coalesce(s.location_id, l.location_id) as location_id,
         coalesce(s.quantity, 0) as balance, coalesce(l.q, 0) as ledger
    from stock_levels s full join sums l on l.item_id = s.item_id and l.location_id = s.location_id
), totals as (
  select coalesce(t.item_id, b.item_id) as item_id, coalesce(t.on_hand, 0) as on_hand,
         coalesce(b.sum, 0) as balances
    from item_totals t
    full join (select item_id, sum(quantity) from stock_levels group by item_id) b on b.item_id = t.item_id
)
select json_build_object(
  'keyed', (select coalesce(json_agg(json_build_object('id', id, 'key', idempotency_key)), '[]')
              from movements
             where idempotency_key ^@ any (array[${runs}]::text[])),
  'duplicateKeys', (select coalesce(json_agg(k), '[]') from (
      select idempotency_key as k from movements where idempotency_key is not null
       group by created_by, created_by_token_id, idempotency_key having count(*) > 1) d),
  'movements', (select count(*) from movements),
  'pairs', (select count(*) from balances),
  'ledgerMismatches', (select coalesce(json_agg(b), '[]') from balances b where balance <> ledger),
  'totalsMismatches', (select coalesce(json_agg(t), '[]') from totals t where on_hand <> balances),
  'negative', (select count(*) from stock_levels where quantity < 0)
              + (select count(*) from item_totals where on_hand < 0)
)`;

let db;
try {
  const out = execFileSync(
    'docker',
    [
      'compose',
      'exec',
      '-T',
      'db',
      'sh',
      '-c',
      'exec psql -X -v ON_ERROR_STOP=1 -At -U "$POSTGRES_USER" -d "$POSTGRES_DB"',
    ],
    { input: sql, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  db = JSON.parse(out.trim());
} catch (e) {
  die('ledger-check', `could not query the database: ${e.message}`);
}

let failed = 0;
const check = (name, problems) => {
  if (problems.length === 0) return void process.stdout.write(`ok - ${name}\n`);
  failed++;
  process.stdout.write(`not ok - ${name}\n`);
  for (const p of problems.slice(0, 10)) process.stdout.write(`#   ${p}\n`);
  if (problems.length > 10) process.stdout.write(`#   ... ${problems.length - 10} more\n`);
};
const figure = (name, value) => process.stdout.write(`# figure: ${name}: ${value}\n`);

const byKey = new Map();
const byId = new Map();
for (const m of db.keyed) {
  byKey.set(m.key, [...(byKey.get(m.key) ?? []), m.id]);
  byId.set(m.id, [...(byId.get(m.id) ?? []), m.key]);
}
const keys = loads.flatMap((l) => l.keys);
const oks = loads.flatMap((l) => l.ok);
const known = new Set(keys.map((k) => k.key));

check(
  `every movement id answered 2xx (${oks.length}) is in the ledger exactly once, under its key`,
  oks
    .filter((o) => (byId.get(o.id) ?? []).length !== 1 || byId.get(o.id)[0] !== o.key)
    .map((o) => `key ${o.key} -> id ${o.id}: ledger has ${JSON.stringify(byId.get(o.id) ?? [])}`),
);
const okKeys = keys.filter((k) => k.final === 'ok');
check(
  `every key that ended 2xx (${okKeys.length}) has exactly one movement, the one answered`,
  okKeys
    .filter((k) => (byKey.get(k.key) ?? []).length !== 1 || byKey.get(k.key)[0] !== k.movementId)
    .map(
      (k) =>
        `${k.key} answered id ${k.movementId}, ledger has ${JSON.stringify(byKey.get(k.key) ?? [])}`,
    ),
);
const rejected = keys.filter((k) => k.final === 'rejected');
check(
  `every key that ended 4xx (${rejected.length}) has no movement`,
  rejected
    .filter((k) => byKey.has(k.key))
    .map((k) => `${k.key} got ${k.status} ${k.code} but the ledger has ${byKey.get(k.key)}`),
);
const unresolved = keys.filter((k) => k.final !== 'ok' && k.final !== 'rejected');
check(
  'every key got a definitive answer (2xx or 4xx) before its deadline',
  unresolved.map(
    (k) =>
      `${k.key}: ${k.final} after ${k.attempts} attempts (${k.errors.slice(-3).join(', ')}), ledger has ${JSON.stringify(byKey.get(k.key) ?? [])}`,
  ),
);
check(
  'no movement of these runs is unaccounted for',
  db.keyed.filter((m) => !known.has(m.key)).map((m) => `movement ${m.id} has unknown key ${m.key}`),
);
check(
  "no caller's idempotency key has two movements (whole ledger)",
  db.duplicateKeys.map((k) => `key ${k}`),
);
check(
  `balances equal the ledger sum for every item x location (${db.pairs})`,
  db.ledgerMismatches.map(
    (b) => `item ${b.item_id} location ${b.location_id}: balance ${b.balance}, ledger ${b.ledger}`,
  ),
);
check(
  'item_totals equal the sum of balances for every item',
  db.totalsMismatches.map(
    (t) => `item ${t.item_id}: item_totals ${t.on_hand}, balances ${t.balances}`,
  ),
);
check('no negative balance or total', db.negative > 0 ? [`${db.negative} negative rows`] : []);

// The product's own reconciliation (docs/decisions/0029), besides the checks above: the same
// books through the api image's command, which also proves the ledger's history and roll-ups.
let books;
try {
  books = execFileSync(
    'docker',
    ['compose', 'exec', '-T', 'api', 'node', 'dist/cli/reconcile.js', '--json'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
} catch (e) {
  // Exit status 1 is "differences found", with the report on stdout; anything else is an error.
  books = e.status === 1 ? e.stdout : die('ledger-check', `reconcile did not run: ${e.message}`);
}
const report = JSON.parse(books.trim());
for (const c of report.checks)
  check(`reconcile: ${c.description.toLowerCase()}`, c.examples.slice(0, c.differences));
figure('reconciliation time (ms)', report.durationMs);

figure('ledger movements (whole table)', db.movements);
figure('ledger movements of these runs', db.keyed.length);
figure(
  'keys ok / rejected / unresolved',
  `${okKeys.length} / ${rejected.length} / ${unresolved.length}`,
);
figure('keys answered only after a retry (ok)', okKeys.filter((k) => k.attempts > 1).length);
process.exit(failed ? 1 : 0);
