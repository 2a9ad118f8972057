import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { iso, isoNotNull } from '../../lib/sql';
import type { Notification } from './notifications.schemas';

// Notifications are the outbox's stock.low events themselves (docs/decisions/0017): nothing is
// written per user when one happens. Read state is a per-user cursor (everything at or before
// it is read; before the first "mark all read", everything before the user existed) plus a
// row per notification read one by one. A later stock.restored for the item resolves it.

// Commit-safe: only events of transactions older than every running one, as the feed does, so
// "mark all read" can never cover an event that commits later with an earlier position.
const VISIBLE = 'e.txid < pg_snapshot_xmin(pg_current_snapshot())';

const READ = `(
  coalesce((e.txid, e.id) <= (c.read_txid, c.read_id), e.occurred_at < u.created_at)
  or exists (select 1 from notification_reads r where r.user_id = u.id and r.event_id = e.id))`;

const RESOLVED_AT = `(
  select x.occurred_at from events x
   where x.type in ('stock.low', 'stock.restored') and x.item_id = e.item_id and x.id > e.id
     and x.type = 'stock.restored'
   order by x.id limit 1)`;

const FROM = `from users u
  left join notification_cursors c on c.user_id = u.id
  join events e on e.type = 'stock.low' and ${VISIBLE}
 where u.id = ?`;

interface Row {
  id: string;
  txid: string;
  occurred_at: Date;
  data: { item: Notification['item']; onHand: string; reorderPoint: string };
  read: boolean;
  resolved_at: Date | null;
}

export interface Position {
  txid: string;
  id: string;
}

/** The user's notifications, newest first, strictly before `before` when given. */
export async function list(
  db: DbOrTrx,
  userId: number,
  before: Position | null,
  limit: number,
): Promise<{ rows: Notification[]; last: Position | null }> {
  const bindings: (string | number)[] = [userId];
  let page = '';
  if (before) {
    page = 'and (e.txid, e.id) < (?::xid8, ?::bigint)';
    bindings.push(before.txid, before.id);
  }
  const { rows } = await db.raw<{ rows: Row[] }>(
    `select e.id, e.txid::text as txid, e.occurred_at, e.data,
            ${READ} as read, ${RESOLVED_AT} as resolved_at
       ${FROM} ${page}
      order by e.txid desc, e.id desc
      limit ?`,
    [...bindings, limit],
  );
  const last = rows.at(-1);
  return {
    rows: rows.map((r) => ({
      id: Number(r.id),
      type: 'stock.low' as const,
      occurredAt: isoNotNull(r.occurred_at),
      item: {
        id: Number(r.data.item.id),
        sku: r.data.item.sku,
        name: r.data.item.name,
        unit: r.data.item.unit,
      },
      onHand: r.data.onHand,
      reorderPoint: r.data.reorderPoint,
      read: r.read,
      resolvedAt: iso(r.resolved_at),
    })),
    last: last ? { txid: last.txid, id: last.id } : null,
  };
}

/** Unread, unresolved notifications, counted up to `cap` (the bell shows "99+"). */
export async function countUnread(db: DbOrTrx, userId: number, cap: number): Promise<number> {
  const { rows } = await db.raw<{ rows: { n: string }[] }>(
    `select count(*) as n from (
       select 1 ${FROM} and not ${READ} and ${RESOLVED_AT} is null
        limit ?) unread`,
    [userId, cap],
  );
  return Number(rows[0]!.n);
}

/** Marks single notifications read; ids that are not stock.low events are ignored. */
export async function markRead(db: DbOrTrx, userId: number, ids: number[]): Promise<void> {
  await db.raw(
    `insert into notification_reads (user_id, event_id)
     select ?, e.id from events e where e.id = any(?::bigint[]) and e.type = 'stock.low'
     on conflict do nothing`,
    [userId, ids],
  );
}

/**
 * Moves the user's cursor to the newest visible stock.low event (never backwards) and drops
 * the single reads it now covers.
 */
export async function markAllRead(trx: Knex.Transaction, userId: number): Promise<void> {
  await trx.raw(
    `insert into notification_cursors (user_id, read_txid, read_id)
     select ?, e.txid, e.id from events e where e.type = 'stock.low' and ${VISIBLE}
      order by e.txid desc, e.id desc limit 1
     on conflict (user_id) do update
       set read_txid = excluded.read_txid, read_id = excluded.read_id, updated_at = now()
     where (notification_cursors.read_txid, notification_cursors.read_id)
           < (excluded.read_txid, excluded.read_id)`,
    [userId],
  );
  await trx.raw(
    `delete from notification_reads r using notification_cursors c, events e
      where r.user_id = ? and c.user_id = r.user_id and e.id = r.event_id
        and (e.txid, e.id) <= (c.read_txid, c.read_id)`,
    [userId],
  );
}
