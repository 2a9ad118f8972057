import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { formatDbDecimal, formatMilli } from '../../lib/quantity';
import { isoNotNull } from '../../lib/sql';
import type { CountLine } from './counts.schemas';

// The places a session covers: its location and the active places under it, or every
// place when it counts a list of items. Bound parameter: the session id.
const SCOPE_LOCATIONS = `
  with recursive scope(id) as (
    select location_id from count_sessions where id = ? and location_id is not null
    union all
    select c.id from locations c join scope s on c.parent_id = s.id where c.archived_at is null
  )`;

export async function locationInScope(trx: DbOrTrx, sessionId: number, locationId: number) {
  const { rows } = await trx.raw<{ rows: unknown[] }>(
    `${SCOPE_LOCATIONS} select 1 from scope where id = ?`,
    [sessionId, locationId],
  );
  return rows.length > 0;
}

export async function itemsInList(trx: DbOrTrx, sessionId: number, itemIds: number[]) {
  const rows = (await trx('count_session_items')
    .where({ session_id: sessionId })
    .whereIn('item_id', itemIds)
    .select('item_id')) as { item_id: string }[];
  return new Set(rows.map((r) => Number(r.item_id)));
}

export interface ItemFacts {
  id: number;
  sku: string;
  archived: boolean;
  createdAt: Date;
}

/** The items lines name, FOR SHARE so none is archived or deleted while the lines go in. */
export async function lockItems(trx: Knex.Transaction, ids: number[]) {
  const rows = (await trx('items')
    .whereIn('id', ids)
    .orderBy('id')
    .forShare()
    .select('id', 'sku', 'archived_at', 'created_at')) as {
    id: string;
    sku: string;
    archived_at: Date | null;
    created_at: Date;
  }[];
  return new Map<number, ItemFacts>(
    rows.map((r) => [
      Number(r.id),
      { id: Number(r.id), sku: r.sku, archived: r.archived_at !== null, createdAt: r.created_at },
    ]),
  );
}

/** The database's clock: one clock for line times, movement times and the as-of reads. */
export async function clock(trx: DbOrTrx): Promise<Date> {
  const { rows } = await trx.raw<{ rows: { now: Date }[] }>('select clock_timestamp() as now');
  return rows[0]!.now;
}

export async function insertLines(
  trx: Knex.Transaction,
  rows: {
    sessionId: number;
    itemId: number;
    locationId: number;
    countedQuantity: bigint;
    countedAt: Date;
    countedBy: number | null;
  }[],
): Promise<number[]> {
  const inserted = (await trx('count_lines')
    .insert(
      rows.map((r) => ({
        session_id: r.sessionId,
        item_id: r.itemId,
        location_id: r.locationId,
        counted_quantity: formatMilli(r.countedQuantity),
        counted_at: r.countedAt,
        counted_by: r.countedBy,
      })),
    )
    .returning('id')) as { id: string }[];
  return inserted.map((r) => Number(r.id));
}

interface LineRow {
  id: string;
  item: CountLine['item'];
  location: CountLine['location'];
  counted_quantity: string;
  counted_at: Date;
  counted_by: CountLine['countedBy'];
  created_at: Date;
  current: boolean;
}

export const ITEM_JSON = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'sku', ${alias}.sku, 'name', ${alias}.name,
     'unit', ${alias}.unit, 'archived', ${alias}.archived_at is not null)`;
export const LOCATION_JSON = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'name', ${alias}.name)`;

/** Every line of a session, oldest first; `current` marks the latest per item and place. */
export async function listLines(db: DbOrTrx, sessionId: number): Promise<CountLine[]> {
  const { rows } = await db.raw<{ rows: LineRow[] }>(
    `select cl.id, cl.counted_quantity::text as counted_quantity, cl.counted_at, cl.created_at,
       ${ITEM_JSON('i')} as item, ${LOCATION_JSON('l')} as location,
       (select json_build_object('id', u.id, 'name', u.name) from users u where u.id = cl.counted_by)
         as counted_by,
       cl.id = max(cl.id) over (partition by cl.item_id, cl.location_id) as current
     from count_lines cl join items i on i.id = cl.item_id join locations l on l.id = cl.location_id
     where cl.session_id = ? order by cl.id`,
    [sessionId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    item: r.item,
    location: r.location,
    countedQuantity: formatDbDecimal(r.counted_quantity)!,
    countedAt: isoNotNull(r.counted_at),
    countedBy: r.counted_by,
    createdAt: isoNotNull(r.created_at),
    current: r.current,
  }));
}

export interface ExpectedRow {
  item: CountLine['item'];
  location: CountLine['location'];
  quantity: string;
  counted: boolean;
}

/** What is on hand in the session's scope now, and whether anyone has counted it. */
export async function expectedInScope(db: DbOrTrx, sessionId: number): Promise<ExpectedRow[]> {
  const { rows } = await db.raw<{ rows: (ExpectedRow & { quantity: string })[] }>(
    `${SCOPE_LOCATIONS}
     select ${ITEM_JSON('i')} as item, ${LOCATION_JSON('l')} as location,
       sl.quantity::text as quantity,
       exists (select 1 from count_lines cl where cl.session_id = ?
               and cl.item_id = sl.item_id and cl.location_id = sl.location_id) as counted
     from stock_levels sl join items i on i.id = sl.item_id join locations l on l.id = sl.location_id
     where sl.quantity > 0 and (
       sl.location_id in (select id from scope)
       or sl.item_id in (select item_id from count_session_items where session_id = ?))
     order by l.code, i.sku
     limit 5000`,
    [sessionId, sessionId, sessionId],
  );
  return rows.map((r) => ({ ...r, quantity: formatDbDecimal(r.quantity)! }));
}

/** An active location, FOR SHARE so it is not archived while lines for it go in. */
export async function activeLocation(trx: Knex.Transaction, id: number): Promise<boolean> {
  const row = (await trx('locations').where({ id, archived_at: null }).forShare().first('id')) as
    { id: string } | undefined;
  return row !== undefined;
}
