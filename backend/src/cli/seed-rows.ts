import type { DbOrTrx } from '../lib/db';

// The seed's items and movements, generated inside PostgreSQL (generate_series): no rows
// travel over the wire. COPY from the client was measured too (docs/performance.md): the
// same backend CPU, since the per-row foreign-key checks dominate either way.

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

/** Each item is kept in this many bins (100,000 items → 300,000 stock rows). */
export const BINS_PER_ITEM = 3;

export interface IdRange {
  first: number;
  count: number;
}

/** Inserts the items; returns their id range (refused if another writer interleaved). */
export async function seedItems(trx: DbOrTrx, prefix: string, items: number): Promise<IdRange> {
  const { rows } = await trx.raw<{ rows: { lo: string; hi: string; n: string }[] }>(
    `with i as (
       insert into items (sku, name, unit, barcode, reorder_point, category)
       select ? || '-' || lpad(i::text, 7, '0'),
              (${sqlArray(WORDS.adjective)})[1 + i % 10] || ' ' || (${sqlArray(WORDS.noun)})[1 + (i / 10) % 12]
                || ' ' || (5 + i % 95) || 'mm',
              (array['each','each','each','box','kg','m'])[1 + i % 6],
              '2' || lpad((abs(hashtext(?)) % 100000)::text, 5, '0') || lpad(i::text, 7, '0'),
              case when i % 4 = 0 then 10 + i % 40 end,
              (${sqlArray(WORDS.category)})[1 + i % 8]
       from generate_series(1, ?::int) i order by i
       returning id
     ) select min(id) as lo, max(id) as hi, count(*) as n from i`,
    [prefix, prefix, items],
  );
  const { lo, hi, n } = rows[0]!;
  if (Number(hi) - Number(lo) + 1 !== Number(n))
    throw new Error('item ids of this seed are not contiguous (another writer?)');
  return { first: Number(lo), count: Number(n) };
}

/**
 * Movements number lo..hi of total. Pair g is a receipt of 10-100 into one of its item's
 * bins, then a shipment or a transfer (to the item's next bin) of 1-9 out of it: each pair
 * takes no more than it brought, so running balances never dip below zero in id order.
 * Item n's bins are (7n + k·bins/3) mod bins, k = 0..2.
 */
export function insertMovements(
  db: DbOrTrx,
  c: { lo: number; hi: number; total: number },
  ids: { items: IdRange; bins: IdRange },
) {
  const third = Math.floor(ids.bins.count / BINS_PER_ITEM);
  return db.raw(
    `insert into movements (kind, item_id, from_location_id, to_location_id, quantity, reference,
                            created_at, effective_at)
     select case when receipt then 'receive' when ship then 'ship' else 'transfer' end,
            :item0 + n,
            case when not receipt then bin end,
            case when receipt then bin when not ship then next_bin end,
            case when receipt then qty else 1 + qty % 9 end,
            case when receipt then 'PO-' || (10000 + g / 7) when ship then 'SO-' || (20000 + g / 5) end,
            now() - make_interval(secs => (:total - s) * 20),
            -- The ledger's time (decision 0029): spread like created_at, in id order.
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

/**
 * Balances and totals of the seeded items, derived from the ledger just written (one pass
 * over it: each movement adds at its destination and takes at its source), so the two agree.
 */
export async function deriveBalances(trx: DbOrTrx, items: IdRange) {
  const range = { lo: items.first, hi: items.first + items.count - 1 };
  await trx.raw(
    `insert into stock_levels (item_id, location_id, quantity)
     select m.item_id, e.location_id, sum(e.effect)
     from movements m
     cross join lateral (values (m.to_location_id, m.quantity), (m.from_location_id, -m.quantity))
       e(location_id, effect)
     where m.item_id between :lo and :hi and e.location_id is not null
     group by m.item_id, e.location_id`,
    range,
  );
  await trx.raw(
    `insert into item_totals (item_id, on_hand)
     select item_id, sum(quantity) from stock_levels where item_id between :lo and :hi
     group by item_id
     on conflict (item_id) do update set on_hand = excluded.on_hand`,
    range,
  );
}
