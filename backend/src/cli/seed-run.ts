// Fills a database with realistic demo data, set-based, in one transaction: either all of it
// commits, with every index and constraint in place and checked, or nothing does. Balances
// are derived from the generated ledger, so the two agree. The seed writes no events or audit
// entries: those record changes as they happen, for readers from then on, and the seed's
// movements are history backdated over months (docs/performance.md, "Seed").
import type { Knex } from 'knex';
import type { Db } from '../lib/db';
import { rebuildLocationStockTotals } from '../modules/locations/locations.service';
import { withBulkLoad, withWholeUnitsChecked, type BulkPlan } from './seed-bulk';
import { DEFAULT_LOCATIONS, seedLocations } from './seed-locations';
import { deriveBalances, insertMovements, seedItems, type IdRange } from './seed-rows';

export interface SeedOptions {
  items: number;
  movements: number;
  locations?: number;
  prefix: string;
  /** Seed beside data that is already there (otherwise refused). */
  force?: boolean;
}

export type Progress = (message: string) => void;

/** The database already holds stock data and the seed was not told to add to it. */
export class SeedRefused extends Error {}

const TABLES = ['locations', 'items', 'movements', 'stock_levels', 'item_totals'];
/** Movements per statement: progress between them, the same work in total. */
const CHUNK = 100_000;

/** Locks the tables the seed fills (reads still pass) and says whether they are all empty. */
async function lockAndLook(trx: Knex.Transaction) {
  await trx.raw(`lock table ${TABLES.join(', ')} in exclusive mode`);
  const { rows } = await trx.raw<{ rows: { t: string; n: string }[] }>(
    TABLES.map((t) => `select '${t}' as t, count(*) as n from (select 1 from ${t} limit 1) x`).join(
      ' union all ',
    ),
  );
  const nonEmpty = rows.filter((r) => Number(r.n) > 0).map((r) => r.t);
  const { rows: role } = await trx.raw<{ rows: { superuser: boolean }[] }>(
    'select rolsuper as superuser from pg_roles where rolname = current_user',
  );
  return { nonEmpty, superuser: role[0]?.superuser === true };
}

function bulkPlan(owned: boolean, superuser: boolean): BulkPlan {
  if (!owned) return { indexes: [], foreignKeys: [] };
  const ledger = superuser ? ['movements'] : [];
  return { indexes: TABLES, foreignKeys: ['stock_levels', 'item_totals', ...ledger] };
}

export async function seed(db: Db, opts: SeedOptions, progress: Progress = () => {}) {
  const { items, movements, prefix } = opts;
  const locations = opts.locations ?? DEFAULT_LOCATIONS;
  const started = Date.now();
  const steps: Record<string, number> = {};
  let last = started;
  const lap = (name: string) => {
    steps[name] = (Date.now() - last) / 1000;
    last = Date.now();
    progress(`${name}: ${steps[name].toFixed(1)} s`);
  };
  await db.transaction(async (trx) => {
    // Room for the balances' aggregation and the index builds in memory; this transaction only.
    await trx.raw(`set local work_mem = '64MB'`);
    await trx.raw(`set local maintenance_work_mem = '256MB'`);
    const { nonEmpty, superuser } = await lockAndLook(trx);
    if (nonEmpty.length > 0 && !opts.force)
      throw new SeedRefused(
        `the database already holds ${nonEmpty.join(', ')}; the seed adds demo data that can never be removed (the ledger is append-only). Seed a fresh database, or pass --force to add it anyway`,
      );
    const plan = bulkPlan(nonEmpty.length === 0, superuser);
    steps['indexes and keys'] = await withBulkLoad(trx, plan, async () => {
      const bins = await seedLocations(trx, prefix, locations);
      const itemIds = await seedItems(trx, prefix, items);
      lap('catalogue');
      await withWholeUnitsChecked(trx, itemIds, () =>
        loadLedger(trx, movements, { items: itemIds, bins }, progress),
      );
      lap('ledger');
      await deriveBalances(trx, itemIds);
      lap('balances');
    });
    last = Date.now();
    progress(`indexes and keys: ${steps['indexes and keys'].toFixed(1)} s`);
    // Balances written without movements: the location tree's roll-ups from them (0023).
    await rebuildLocationStockTotals(trx);
    lap('location totals');
  });
  lap('commit');
  // Fresh statistics and visibility map, so the first queries plan well and scan only the index.
  await db.raw(`vacuum analyze ${TABLES.join(', ')}`);
  lap('vacuum analyze');
  return { seconds: (Date.now() - started) / 1000, steps, locations };
}

async function loadLedger(
  trx: Knex.Transaction,
  total: number,
  ids: { items: IdRange; bins: IdRange },
  progress: Progress,
) {
  for (let lo = 1; lo <= total; lo += CHUNK) {
    const hi = Math.min(total, lo + CHUNK - 1);
    await insertMovements(trx, { lo, hi, total }, ids);
    progress(`movements ${hi}/${total}`);
  }
}
