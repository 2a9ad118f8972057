// Fills a database with realistic demo data, fast, for demos and benchmarks:
//   npm run seed -- --items 100000 --movements 1000000
//   docker compose exec api node dist/cli/seed.js --items 100000 --movements 1000000
// Rows are generated inside PostgreSQL (generate_series), so a million movements take
// seconds, not minutes. Balances are derived from the generated ledger, so the two agree.
import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/config';
import { createDb, type Db } from '../lib/db';
import { createLogger } from '../lib/logger';
import { runMigrations } from '../lib/migrations';

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

export async function seed(db: Db, opts: { items: number; movements: number; prefix: string }) {
  const { items, movements, prefix } = opts;
  const started = Date.now();
  await db.transaction(async (trx) => {
    // Two warehouses → six zones each → twenty bins per zone.
    await trx.raw(
      `insert into locations (code, name) select ? || '-WH' || w, 'Warehouse ' || w from generate_series(1, 2) w`,
      [prefix],
    );
    await trx.raw(
      `insert into locations (code, name, parent_id)
       select p.code || '-' || z, 'Zone ' || z, p.id
       from locations p, unnest(array['A','B','C','D','E','F']) z where p.code like ? || '-WH_'`,
      [prefix],
    );
    await trx.raw(
      `insert into locations (code, name, parent_id)
       select p.code || '-' || lpad(b::text, 2, '0'), 'Bin ' || b, p.id
       from locations p, generate_series(1, 20) b where p.code ~ ('^' || ? || '-WH[0-9]-[A-F]$')`,
      [prefix],
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
       from generate_series(1, ?::int) i
       on conflict do nothing`,
      [prefix, prefix, items],
    );
    // Movements in pairs: a receipt into a bin, then a shipment or transfer of at most what
    // arrived. Every pair leaves each balance >= 0, so the ledger is valid in id order.
    await trx.raw(
      `create temporary table seed_bins on commit drop as
         select row_number() over (order by id) as n, id from locations where code ~ ('^' || ? || '-WH[0-9]-[A-F]-[0-9]+$')`,
      [prefix],
    );
    await trx.raw(
      `create temporary table seed_items on commit drop as
         select row_number() over (order by id) as n, id from items where sku like ? || '-%'`,
      [prefix],
    );
    await trx.raw(
      `with pairs as (
         select g, 1 + (abs(hashtext('i' || g)) % (select count(*) from seed_items)) as item_n,
                1 + (abs(hashtext('l' || g)) % (select count(*) from seed_bins)) as bin_n,
                1 + (abs(hashtext('m' || g)) % (select count(*) from seed_bins)) as other_n,
                10 + abs(hashtext('q' || g)) % 91 as qty,
                abs(hashtext('k' || g)) % 3 as k
         from generate_series(1, ceil(?::numeric / 2)::int) g
       ), numbered as (
         select p.*, i.id as item_id, b.id as bin_id, o.id as other_id from pairs p
         join seed_items i on i.n = p.item_n join seed_bins b on b.n = p.bin_n join seed_bins o on o.n = p.other_n
       )
       insert into movements (kind, item_id, from_location_id, to_location_id, quantity, reference, created_at)
       select kind, item_id, from_id, to_id, quantity, reference, created_at from (
         select g * 2 - 1 as seq, 'receive' as kind, item_id, null::bigint as from_id, bin_id as to_id,
                qty as quantity, 'PO-' || (10000 + g / 7) as reference from numbered
         union all
         select g * 2, case when k = 0 or bin_id = other_id then 'ship' else 'transfer' end, item_id, bin_id,
                case when k = 0 or bin_id = other_id then null else other_id end,
                1 + qty % 9, case when k = 0 then 'SO-' || (20000 + g / 5) end from numbered
       ) rows
       cross join lateral (select now() - make_interval(secs => (?::int - seq) * 20) as created_at) t
       where seq <= ?::int
       order by seq`,
      [movements, movements, movements],
    );
    await trx.raw(
      `insert into stock_levels (item_id, location_id, quantity)
       select item_id, location_id, sum(effect) from (
         select item_id, to_location_id as location_id, quantity as effect from movements m
           join seed_items i on i.id = m.item_id where to_location_id is not null
         union all
         select item_id, from_location_id, -quantity from movements m
           join seed_items i on i.id = m.item_id where from_location_id is not null
       ) e group by item_id, location_id
       on conflict (item_id, location_id) do update set quantity = stock_levels.quantity + excluded.quantity`,
    );
    await trx.raw(
      `insert into item_totals (item_id, on_hand)
       select s.item_id, sum(s.quantity) from stock_levels s join seed_items i on i.id = s.item_id group by s.item_id
       on conflict (item_id) do update set on_hand = excluded.on_hand`,
    );
  });
  // Fresh statistics, and GIN pending lists flushed, so the first searches are fast.
  await db.raw('vacuum analyze items, locations, stock_levels, item_totals, movements');
  return { seconds: (Date.now() - started) / 1000 };
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
    const { seconds } = await seed(db, { items, movements, prefix });
    console.log(
      `seeded ${items} items, 254 locations and ${movements} movements with prefix ${prefix} in ${seconds.toFixed(1)} s`,
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
