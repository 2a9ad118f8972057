import type { DbOrTrx } from '../lib/db';

// The seed's location tree, N locations exactly: 2 warehouses of 3 zones each, then bins
// directly under the zones (32 per zone at the default 200: 2 + 6 + 192, the benchmark's
// dataset), or, past 40 bins a zone, under aisles of about 32 bins each (10,000 locations:
// 2 + 6 + 300 aisles + 9,692 bins), so a large tree is four levels deep like a real site.

export const DEFAULT_LOCATIONS = 200;
export const MIN_LOCATIONS = 11;
export const MAX_LOCATIONS = 100_000;
const WAREHOUSES = 2;
const ZONES = ['A', 'B', 'C'];
const TOP = WAREHOUSES * (1 + ZONES.length);
const ZONE_COUNT = WAREHOUSES * ZONES.length;
const MAX_BINS_PER_ZONE = 40;
const BINS_PER_AISLE = 32;

export interface LocationShape {
  aislesPerZone: number;
  bins: number;
}

export function locationShape(total: number): LocationShape {
  const below = total - TOP;
  if (below <= ZONE_COUNT * MAX_BINS_PER_ZONE) return { aislesPerZone: 0, bins: below };
  const aislesPerZone = Math.max(1, Math.round(below / ZONE_COUNT / (BINS_PER_AISLE + 1)));
  return { aislesPerZone, bins: below - ZONE_COUNT * aislesPerZone };
}

interface Row {
  id: string;
  code: string;
}

/** `count` children under each parent, numbered 01, 02, … */
async function children(trx: DbOrTrx, parents: Row[], perParent: number, name: string) {
  const { rows } = await trx.raw<{ rows: Row[] }>(
    `insert into locations (code, name, parent_id)
     select p.code || '-' || lpad(c::text, greatest(2, length(?::text)), '0'), ? || ' ' || c, p.id
     from unnest(?::bigint[], ?::text[]) with ordinality p(id, code, ord), generate_series(1, ?::int) c
     order by p.ord, c returning id, code`,
    [perParent, name, parents.map((p) => p.id), parents.map((p) => p.code), perParent],
  );
  return rows;
}

/**
 * Inserts the tree; returns the bins' id range (one statement, so contiguous unless another
 * writer interleaved, which is refused: movements address bins by offset). The cycle trigger
 * is off meanwhile and its rule checked at once afterwards: run per row, its ancestor walk
 * was planned while the table was empty and scanned the whole table for every new row
 * (10,000 locations: 35 s).
 */
export async function seedLocations(trx: DbOrTrx, prefix: string, total: number) {
  await trx.raw('alter table locations disable trigger locations_prevent_cycle');
  const { bins, first } = await insertTree(trx, prefix, total);
  // The inserts queued the tree-version trigger (deferred to commit); ALTER TABLE refuses a
  // table with queued trigger events, so run them now (they change one row, once).
  await trx.raw('set constraints all immediate');
  await trx.raw('alter table locations enable trigger locations_prevent_cycle');
  // Every seeded location's parent came before it (a smaller id), so no chain of parents can
  // loop back: the tree is acyclic. Checked rather than assumed.
  const { rows } = await trx.raw<{ rows: unknown[] }>(
    'select 1 from locations where id >= ? and parent_id >= id limit 1',
    [first],
  );
  if (rows.length > 0) throw new Error('seed produced a location placed under a later one');
  return bins;
}

async function insertTree(trx: DbOrTrx, prefix: string, total: number) {
  const shape = locationShape(total);
  const { rows: warehouses } = await trx.raw<{ rows: Row[] }>(
    `insert into locations (code, name)
     select ? || '-WH' || w, 'Warehouse ' || w from generate_series(1, ?::int) w order by w
     returning id, code`,
    [prefix, WAREHOUSES],
  );
  const { rows: zones } = await trx.raw<{ rows: Row[] }>(
    `insert into locations (code, name, parent_id)
     select p.code || '-' || z, 'Zone ' || z, p.id
     from unnest(?::bigint[], ?::text[]) with ordinality p(id, code, ord), unnest(?::text[]) z
     order by p.ord, z returning id, code`,
    [warehouses.map((w) => w.id), warehouses.map((w) => w.code), ZONES],
  );
  const parents =
    shape.aislesPerZone > 0 ? await children(trx, zones, shape.aislesPerZone, 'Aisle') : zones;
  // The bins spread over their parents as evenly as whole numbers allow.
  const { rows } = await trx.raw<{ rows: { lo: string; hi: string; n: string }[] }>(
    `with p as (
       select id, code, ord, ?::int / ?::int + (ord <= ?::int % ?::int)::int as n
       from unnest(?::bigint[], ?::text[]) with ordinality p(id, code, ord)
     ), bins as (
       insert into locations (code, name, parent_id)
       select p.code || '-' || lpad(b::text, greatest(2, length(p.n::text)), '0'), 'Bin ' || b, p.id
       from p, generate_series(1, p.n) b order by p.ord, b
       returning id
     ) select min(id) as lo, max(id) as hi, count(*) as n from bins`,
    [
      shape.bins,
      parents.length,
      shape.bins,
      parents.length,
      parents.map((p) => p.id),
      parents.map((p) => p.code),
    ],
  );
  const { lo, hi, n } = rows[0]!;
  if (Number(hi) - Number(lo) + 1 !== Number(n))
    throw new Error('location ids of this seed are not contiguous (another writer?)');
  return { bins: { first: Number(lo), count: Number(n) }, first: Number(warehouses[0]!.id) };
}
