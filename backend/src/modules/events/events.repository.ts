import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { isoNotNull } from '../../lib/sql';
import type { EventType } from './event-types';
import type { Event, NewEvent } from './events.schemas';

/** A place in the outbox's commit-safe order: (transaction id, event id). */
export interface Position {
  txid: string;
  id: string;
}

export const START: Position = { txid: '0', id: '0' };
export const toCursor = (p: Position) => `${p.txid}.${p.id}`;
export function parseCursor(cursor: string): Position {
  const [txid = '0', id = '0'] = cursor.split('.');
  return { txid, id };
}

// Only events of transactions older than every running one are visible: a later commit can
// then never land before a position a reader has already passed (docs/decisions/0017).
const VISIBLE = 'e.txid < pg_snapshot_xmin(pg_current_snapshot())';

interface EventRow {
  id: string;
  txid: string;
  type: EventType;
  item_id: string | null;
  occurred_at: Date;
  data: Record<string, unknown>;
}

const toEvent = (r: EventRow): Event => ({
  id: Number(r.id),
  type: r.type,
  occurredAt: isoNotNull(r.occurred_at),
  itemId: r.item_id === null ? null : Number(r.item_id),
  data: r.data,
  cursor: toCursor({ txid: r.txid, id: r.id }),
});

export async function insert(trx: Knex.Transaction, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx('events').insert(
    events.map((e) => ({ type: e.type, item_id: e.itemId, data: JSON.stringify(e.data) })),
  );
}

/**
 * movement.posted (and movement.reversed) plus, when the item's total crossed its reorder
 * point, stock.low or stock.restored — in one statement. The caller holds the item's row
 * (FOR SHARE, so the reorder point cannot change) and, when `change` is not 0, the item's
 * item_totals row, which serialises every change to the total: the total read here is this
 * transaction's own result, and total − change is the one it replaced.
 */
export async function insertMovementEvents(
  trx: Knex.Transaction,
  itemId: number,
  change: string,
  movementId: number,
  events: NewEvent[],
): Promise<void> {
  const values = events.map(() => '(?::int, ?::text, ?::jsonb)').join(', ');
  await trx.raw(
    `with t as (
       select i.reorder_point as rp,
              coalesce((select on_hand from item_totals where item_id = i.id), 0) as total,
              jsonb_build_object('id', i.id, 'sku', i.sku, 'name', i.name, 'unit', i.unit) as item
       from items i where i.id = ?
     ), rows as (
       select v.ord, v.type, v.data from (values ${values}) as v(ord, type, data)
       union all
       select 99, case when t.total <= t.rp then 'stock.low' else 'stock.restored' end,
              jsonb_build_object('item', t.item, 'onHand', trim_scale(t.total)::text,
                'reorderPoint', trim_scale(t.rp)::text, 'cause', 'movement', 'movementId', ?::bigint)
       from t
       where ?::numeric <> 0 and t.rp is not null
         and ((t.total - ?::numeric) <= t.rp) <> (t.total <= t.rp)
     )
     insert into events (type, item_id, data)
     select type, ?, data from rows order by ord`,
    [
      itemId,
      ...events.flatMap((e, i) => [i, e.type, JSON.stringify(e.data)]),
      movementId,
      change,
      change,
      itemId,
    ],
  );
}

export async function listAfter(
  db: DbOrTrx,
  after: Position,
  types: readonly string[] | null,
  limit: number,
): Promise<Event[]> {
  const query = db('events as e')
    .select(
      'e.id',
      db.raw('e.txid::text as txid'),
      'e.type',
      'e.item_id',
      'e.occurred_at',
      'e.data',
    )
    .whereRaw('(e.txid, e.id) > (?::xid8, ?::bigint)', [after.txid, after.id])
    .whereRaw(VISIBLE)
    .orderBy([
      { column: 'e.txid', order: 'asc' },
      { column: 'e.id', order: 'asc' },
    ])
    .limit(limit);
  if (types) void query.whereIn('e.type', types);
  return ((await query) as EventRow[]).map(toEvent);
}

/** Where a new reader starts so it sees only what commits from now on. */
export async function currentPosition(db: DbOrTrx): Promise<Position> {
  const { rows } = await db.raw<{ rows: { txid: string }[] }>(
    'select pg_snapshot_xmin(pg_current_snapshot())::text as txid',
  );
  return { txid: rows[0]!.txid, id: '0' };
}

/**
 * Deletes events older than `retentionDays`, in batches, keeping those a webhook delivery
 * still waits for. Returns how many went.
 */
export async function prune(db: DbOrTrx, retentionDays: number, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await db.raw<{ rowCount: number }>(
      `delete from events where id in (
         select e.id from events e
         where e.occurred_at < now() - make_interval(days => ?)
           and not exists (select 1 from webhook_deliveries d
                           where d.event_id = e.id and d.status = 'pending')
         limit ?)`,
      [retentionDays, batch],
    );
    total += rowCount;
    if (rowCount < batch) return total;
  }
}
