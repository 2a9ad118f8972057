// A big location tree for measuring the tree endpoint (docs/performance.md, "Location tree"):
//   npx tsx tools/seed-locations.ts --locations 10000 --lines 700000 [--prefix T]
// Adds warehouses → zones → bins (10 warehouses of 10 zones) to a database that `npm run
// seed` filled with items, and receives one stock line per (item, bin) pair into the new bins:
// a receipt in the ledger, the balance and the item's total, so ledger and balances agree.
// The location roll-ups are rebuilt at the end (the rows are written with SQL, not movements).
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/config';
import { createDb } from '../src/lib/db';
import { createLogger } from '../src/lib/logger';
import { rebuildLocationStockTotals } from '../src/modules/locations/locations.service';

const WAREHOUSES = 10;
const ZONES = 10;

async function main() {
  const { values } = parseArgs({
    options: {
      locations: { type: 'string', default: '10000' },
      lines: { type: 'string', default: '700000' },
      prefix: { type: 'string', default: 'T' },
    },
  });
  const locations = Number(values.locations);
  const lines = Number(values.lines);
  const prefix = values.prefix.replace(/[^A-Za-z0-9]/g, '');
  const bins = Math.floor((locations - WAREHOUSES - WAREHOUSES * ZONES) / (WAREHOUSES * ZONES));
  if (!Number.isInteger(bins) || bins < 1 || !Number.isInteger(lines) || lines < 0) {
    console.error('usage: seed-locations [--locations N>=210] [--lines N>=0] [--prefix CODE]');
    process.exit(2);
  }
  const db = createDb(loadConfig(), createLogger({ logLevel: 'warn' }));
  const started = Date.now();
  try {
    await db.transaction(async (trx) => {
      await trx.raw(
        `insert into locations (code, name) select ? || '-W' || lpad(w::text, 2, '0'), 'Warehouse ' || w
         from generate_series(1, ?::int) w`,
        [prefix, WAREHOUSES],
      );
      await trx.raw(
        `insert into locations (code, name, parent_id)
         select p.code || '-Z' || lpad(z::text, 2, '0'), 'Zone ' || z, p.id
         from locations p, generate_series(1, ?::int) z where p.code ~ ('^' || ? || '-W[0-9]+$')
         order by p.id, z`,
        [ZONES, prefix],
      );
      await trx.raw(
        `insert into locations (code, name, parent_id)
         select p.code || '-B' || lpad(b::text, 3, '0'), 'Bin ' || b, p.id
         from locations p, generate_series(1, ?::int) b where p.code ~ ('^' || ? || '-W[0-9]+-Z[0-9]+$')
         order by p.id, b`,
        [bins, prefix],
      );
      // Line k: item k mod I, into bin (item·31 + k div I) mod B, so no pair repeats while
      // lines ≤ I·B.
      await trx.raw(
        `with i as (select id, row_number() over (order by id) - 1 as n from items),
              b as (select id, row_number() over (order by id) - 1 as n from locations
                    where code ~ ('^' || :prefix || '-W[0-9]+-Z[0-9]+-B[0-9]+$')),
              counts as (select (select count(*) from i) as ni, (select count(*) from b) as nb),
              lines as (
                select i.id as item_id, b.id as location_id, 1 + k % 50 as quantity
                from generate_series(0, :lines::int - 1) k cross join counts
                join i on i.n = k % counts.ni
                join b on b.n = (i.n * 31 + k / counts.ni) % counts.nb),
              received as (
                insert into movements (kind, item_id, to_location_id, quantity, reference)
                select 'receive', item_id, location_id, quantity, 'TREE-SEED' from lines
                returning item_id, to_location_id, quantity),
              balances as (
                insert into stock_levels (item_id, location_id, quantity)
                select item_id, to_location_id, sum(quantity) from received group by 1, 2
                on conflict (item_id, location_id) do update
                  set quantity = stock_levels.quantity + excluded.quantity)
         insert into item_totals (item_id, on_hand)
         select item_id, sum(quantity) from received group by item_id
         on conflict (item_id) do update set on_hand = item_totals.on_hand + excluded.on_hand`,
        { prefix, lines },
      );
      // A database from before the roll-ups (for a "before" figure) has none to rebuild.
      const { rows } = await trx.raw<{ rows: { t: string | null }[] }>(
        `select to_regclass('location_stock_totals') as t`,
      );
      if (rows[0]?.t) await rebuildLocationStockTotals(trx);
    });
    await db.raw('vacuum analyze locations, stock_levels, item_totals, movements');
    console.log(
      `added ${WAREHOUSES + WAREHOUSES * ZONES * (1 + bins)} locations and ${lines} stock lines in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`seed-locations failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
