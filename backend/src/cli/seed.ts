// Fills a database with realistic demo data, fast, for demos and benchmarks:
//   npm run seed -- --items 100000 --movements 1000000
//   docker compose exec api node dist/cli/seed.js --items 100000 --movements 1000000
// Rows are generated inside PostgreSQL (generate_series), the ledger's indexes, foreign keys
// and per-row check redone set-based (seed-bulk.ts), so a million movements take seconds:
// 100,000 items, 200 locations, 300,000 stock rows, 1,000,000 movements. Balances are
// derived from the generated ledger, so the two agree.
import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/config';
import { createDb, type Db, type DbOrTrx } from '../lib/db';
import { createLogger } from '../lib/logger';
import { runMigrations } from '../lib/migrations';
import { rebuildLocationStockTotals } from '../modules/locations/locations.service';
import { bulkLoadMovements } from './seed-bulk';

const WORDS = {
  adjective: [
    'Steel',
    'Brass',
    'Nylon',
    'Copper',
    'Rubber',
    'Galvanised',
    'Stainless',
    'Heavy-duty',
    'Mini',
    'Flexible',
  ],
  noun: [
    'Bolt',
    'Washer',
    'Bracket',
    'Hinge',
    'Cable',
    'Hose',
    'Valve',
    'Bearing',
    'Fuse',
    'Relay',
    'Gasket',
    'Spring',
  ],
  category: [
    'Fasteners',
    'Electrical',
    'Plumbing',
    'Hardware',
    'Safety',
    'Packaging',
    'Tools',
    'Consumables',
  ],
};

const sqlArray = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;

/** Bins per zone and zones per warehouse: 2 + 6 + 192 = 200 locations. */
const ZONES = ['A', 'B', 'C'];
const BINS_PER_ZONE = 32;
/** Each item is kept in this many bins (100,000 items → 300,000 stock rows). */
const BINS_PER_ITEM = 3;

type Opts = { items: number; movements: number; prefix: string };

/** First id of a run of rows one statement just inserted; refuses if they are not contiguous. */
async function idRange(db: DbOrTrx, table: string, where: string, binding: string) {
  const { rows } = await db.raw<{ rows: { lo: string; hi: string; n: string }[] }>(
    `select min(id) as lo, max(id) as hi, count(*) as n from ${table} where ${where}`,
    [binding],
  );
  const { lo, hi, n } = rows[0]!;
  if (Number(hi) - Number(lo) + 1 !== Number(n))
    throw new Error(`${table} ids of this seed are not contiguous (another writer?)`);
  return { first: Number(lo), count: Number(n) };
}

async function seedCatalogue(trx: DbOrTrx, prefix: string, items: number) {
  await trx.raw(
    `insert into locations (code, name) select ? || '-WH' || w, 'Warehouse ' || w from generate_series(1, 2) w`,
    [prefix],
  );
  await trx.raw(
    `insert into locations (code, name, parent_id)
       select p.code || '-' || z, 'Zone ' || z, p.id
       from locations p, unnest(?::text[]) z where p.code like ? || '-WH_' order by p.id, z`,
    [ZONES, prefix],
  );
  await trx.raw(
    `insert into locations (code, name, parent_id)
       select p.code || '-' || lpad(b::text, 2, '0'), 'Bin ' || b, p.id
       from locations p, generate_series(1, ?::int) b where p.code ~ ('^' || ? || '-WH[0-9]-[A-Z]$')
       order by p.id, b`,
    [BINS_PER_ZONE, prefix],
  );
  await trx.raw(
    `insert into items (sku, name, unit, barcode, reorder_point, category)
       select ? || '-' || lpad(i::text, 7, '0'),
              (${sqlArray(WORDS.adjective)})[1 + i % 10] || ' ' || (${sqlArray(WORDS.noun)})[1 + (i / 10) % 12]
                || ' ' || (5 + i % 95) || 'mm',
              (array['each','each','each','box','kg','m'])[1 + i % 6],
              '2' || lpad((abs(hashtext(?)) % 100000)::text, 5, '0') || lpad(i::text, 7, '0'),
              case when i % 4 = 0 then 10 + i % 40 end,
              (${sqlArray(WORDS.category)})[1 + i % 8]
       from generate_series(1, ?::int) i order by i`,
    [prefix, prefix, items],
  );
}

/**
 * Movements seq lo..hi. Pair g is a receipt of
 * 10-100 into one of its item's bins, then a shipment or a transfer (to the item's next bin)
 * of 1-9 out of it: each pair takes no more than it brought, so running balances never dip
 * below zero in id order. Item n's bins are (7n + k·bins/3) mod bins, k = 0..2.
 */
function insertMovements(db: DbOrTrx, c: { lo: number; hi: number; total: number }, ids: Ids) {
  const third = Math.floor(ids.bins.count / BINS_PER_ITEM);
  return db.raw(
    `insert into movements (kind, item_id, from_location_id, to_location_id, quantity, reference, created_at)
     select case when receipt then 'receive' when ship then 'ship' else 'transfer' end,
            :item0 + n,
            case when not receipt then bin end,
            case when receipt then bin when not ship then next_bin end,
            case when receipt then qty else 1 + qty % 9 end,
            case when receipt then 'PO-' || (10000 + g / 7) when ship then 'SO-' || (20000 + g / 5) end,
            now() - make_interval(secs => (:total - s) * 20)
     from generate_series(:lo::int, :hi::int) s
     cross join lateral (select (s + 1) / 2 as g, s % 2 = 1 as receipt) p
     cross join lateral (select (g - 1) % :items as n, ((g - 1) / :items) % 3 as k,
                                g % 3 = 0 as ship, 10 + (g * 37) % 91 as qty) q
     cross join lateral (select :bin0 + (n * 7 + k * :third) % :bins as bin,
                                :bin0 + (n * 7 + ((k + 1) % 3) * :third) % :bins as next_bin) b
     order by s`,
    {
      ...c,
      item0: ids.items.first,
      items: ids.items.count,
      bin0: ids.bins.first,
      bins: ids.bins.count,
      third,
    },
  );
}

interface Ids {
  items: { first: number; count: number };
  bins: { first: number; count: number };
}

export async function seed(db: Db, opts: Opts) {
  const { items, movements, prefix } = opts;
  const started = Date.now();
  const steps: Record<string, number> = {};
  let last = started;
  const lap = (name: string) => {
    steps[name] = (Date.now() - last) / 1000;
    last = Date.now();
  };
  await db.transaction(async (trx) => {
    await seedCatalogue(trx, prefix, items);
    lap('catalogue');
    const ids: Ids = {
      items: await idRange(trx, 'items', `sku like ? || '-%'`, prefix),
      bins: await idRange(
        trx,
        'locations',
        `code ~ ('^' || ? || '-WH[0-9]-[A-Z]-[0-9]+$')`,
        prefix,
      ),
    };
    const bulk = await bulkLoadMovements(trx, () =>
      insertMovements(trx, { lo: 1, hi: movements, total: movements }, ids),
    );
    lap('ledger');
    steps['ledger: insert'] = bulk.insertSeconds;
    steps['ledger: indexes'] = bulk.indexSeconds;
    // Balances and totals derived from the ledger just written, so the two agree.
    const range = { lo: ids.items.first, hi: ids.items.first + ids.items.count - 1 };
    await trx.raw(
      `insert into stock_levels (item_id, location_id, quantity)
       select item_id, location_id, sum(effect) from (
         select item_id, to_location_id as location_id, quantity as effect from movements
           where item_id between :lo and :hi and to_location_id is not null
         union all
         select item_id, from_location_id, -quantity from movements
           where item_id between :lo and :hi and from_location_id is not null
       ) e group by item_id, location_id
       on conflict (item_id, location_id) do update set quantity = stock_levels.quantity + excluded.quantity`,
      range,
    );
    await trx.raw(
      `insert into item_totals (item_id, on_hand)
       select item_id, sum(quantity) from stock_levels where item_id between :lo and :hi group by item_id
       on conflict (item_id) do update set on_hand = excluded.on_hand`,
      range,
    );
    // Balances written without movements: the location tree's roll-ups from them (0023).
    await rebuildLocationStockTotals(trx);
    lap('balances');
  });
  // Fresh statistics, and GIN pending lists flushed, so the first searches are fast.
  await db.raw('vacuum analyze items, locations, stock_levels, item_totals, movements');
  lap('vacuum analyze');
  return { seconds: (Date.now() - started) / 1000, steps };
}

async function main() {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '1000' },
      movements: { type: 'string', default: '10000' },
      prefix: { type: 'string' },
    },
  });
  const items = Number(values.items);
  const movements = Number(values.movements);
  if (!Number.isInteger(items) || items < 1 || !Number.isInteger(movements) || movements < 0) {
    console.error('usage: seed [--items N>=1] [--movements N>=0] [--prefix CODE]');
    process.exit(2);
  }
  const prefix = (values.prefix ?? `S${Date.now().toString(36).toUpperCase()}`).replace(
    /[^A-Za-z0-9]/g,
    '',
  );
  const config = loadConfig();
  const logger = createLogger({ logLevel: 'warn' });
  const db = createDb(config, logger);
  try {
    await runMigrations(db, config.migrationsDir, logger);
    const { seconds, steps } = await seed(db, { items, movements, prefix });
    console.log(
      `seeded ${items} items, 200 locations and ${movements} movements with prefix ${prefix} in ${seconds.toFixed(1)} s (${Object.entries(
        steps,
      )
        .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
        .join(', ')})`,
    );
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
