import type { Knex } from 'knex';
import type { CtePart } from '../../lib/cte';
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

/** Names of the parts of the post statement that the events part reads. */
export interface MovementRefs {
  /** The new ledger row (`insert into movements … returning *`). */
  movement: string;
  /** The item's total after the change (`… returning on_hand`); null when it did not change. */
  total: string | null;
}

/**
 * movement.posted (and movement.reversed) plus, when the item's total crossed its reorder
 * point, stock.low or stock.restored: one CTE part of the movement's statement, no round trip
 * of its own. The caller holds the item's row FOR SHARE (so `reorderPoint` cannot change) and
 * the `total` part updates the item's item_totals row, whose lock serialises every change to
 * the total: the total it returns is this transaction's own result, and total − change is the
 * one it replaced. The sort before the insert makes every row wait for that lock, so event
 * ids follow the item's changes.
 */
export function movementEventsPart(args: {
  refs: MovementRefs;
  itemId: number;
  /** movement.posted's data, and movement.reversed's when it is a reversal: ids added here. */
  posted: Record<string, unknown>;
  reversed: Record<string, unknown> | null;
  item: { id: number; sku: string; name: string; unit: string };
  reorderPoint: string | null;
  change: string;
}): CtePart {
  const { movement: mv, total } = args.refs;
  const rows = [
    `select 0 as ord, 'movement.posted' as type,
            ?::jsonb || jsonb_build_object('movementId', ${mv}.id) as data from ${mv}`,
  ];
  const bindings: Knex.RawBinding[] = [args.itemId, JSON.stringify(args.posted)];
  if (args.reversed) {
    rows.push(`select 1, 'movement.reversed',
                      ?::jsonb || jsonb_build_object('reversedByMovementId', ${mv}.id) from ${mv}`);
    bindings.push(JSON.stringify(args.reversed));
  }
  if (total && args.reorderPoint !== null && args.change !== '0') {
    rows.push(`select 2, case when t.on_hand <= rp.v then 'stock.low' else 'stock.restored' end,
                      jsonb_build_object('item', ?::jsonb, 'onHand', trim_scale(t.on_hand)::text,
                        'reorderPoint', trim_scale(rp.v)::text, 'cause', 'movement',
                        'movementId', ${mv}.id)
               from ${total} t, ${mv}, (select ?::numeric as v) rp
               where ((t.on_hand - ?::numeric) <= rp.v) <> (t.on_hand <= rp.v)`);
    bindings.push(JSON.stringify(args.item), args.reorderPoint, args.change);
  }
  return {
    name: 'ev',
    sql: `insert into events (type, item_id, data)
          select type, ?, data from (${rows.join(' union all ')}) r order by ord`,
    bindings,
  };
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

/**
 * SQL: is an event visible after the position held in these two columns? What a poller asks
 * every second, before it opens a transaction and locks its cursor, so it must stay one probe
 * of events_position. Written as "the first event after the position, in (txid, id) order, is
 * visible": the same answer (a later event has a txid at least as large), but an ordered
 * `limit 1` the planner serves from the index. `exists (… > position and visible)` was planned
 * as a sequential scan (a third of the rows expected to match, so a match expected early):
 * with the cursor at the end it read the whole table, 12-20 ms every second at 83,000 events.
 */
export const visibleAfterSql = (txid: string, id: string) =>
  `exists (select 1 from (select e.txid from events e where (e.txid, e.id) > (${txid}, ${id})
                          order by e.txid, e.id limit 1) e
           where ${VISIBLE})`;

/** Whether any of these consumers has no cursor yet or has visible events after it. */
export async function consumersBehind(db: DbOrTrx, names: readonly string[]): Promise<boolean> {
  const { rows } = await db.raw<{ rows: { behind: boolean }[] }>(
    `select exists (
       select 1 from unnest(?::text[]) as n(name) left join event_consumers c using (name)
       where c.name is null or ${visibleAfterSql('c.cursor_txid', 'c.cursor_id')}) as behind`,
    [[...names]],
  );
  return rows[0]!.behind;
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
