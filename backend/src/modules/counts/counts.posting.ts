import type { Knex } from 'knex';
import type { Actor } from '../../lib/http/identity';
import { formatMilli, parseMilli } from '../../lib/quantity';
import * as movements from '../movements/movements.service';

export interface LineToPost {
  lineId: number;
  itemId: number;
  locationId: number;
  countedQuantity: bigint;
  countedAt: string;
}

export interface Posted {
  expected: bigint;
  adjustment: bigint;
  movementId: number | null;
}

/**
 * Locks every balance the lines touch before anything is posted, in the movements' order
 * (items, then places, then balances by item and place): posting a line also locks the item's
 * total, so locking balance by balance between posts would wait for a movement that waits
 * for that total, a deadlock. Then, in a second statement (whose snapshot sees every movement
 * that committed while this waited for the locks), each line's balance as of its count: the
 * balance now less what the ledger moved there after it was counted.
 */
async function lockAndReadAsOf(trx: Knex.Transaction, lines: LineToPost[]) {
  const items = [...new Set(lines.map((l) => l.itemId))];
  const places = [...new Set(lines.map((l) => l.locationId))];
  await trx.raw(
    `with i as materialized (
       select id from items where id = any(?::bigint[]) order by id for share
     ), l as materialized (
       select id from locations where id = any(?::bigint[]) and (select count(*) from i) >= 0
       order by id for share
     )
     select 1 from stock_levels
     where (item_id, location_id) in (select * from unnest(?::bigint[], ?::bigint[]))
       and (select count(*) from l) >= 0
     order by item_id, location_id for update`,
    [items, places, lines.map((l) => l.itemId), lines.map((l) => l.locationId)],
  );
  const { rows } = await trx.raw<{ rows: { line_id: string; expected: string }[] }>(
    `select x.line_id, (coalesce(sl.quantity, 0) - coalesce((
         select sum(case when m.to_location_id = x.location_id then m.quantity else -m.quantity end)
         from movements m where m.item_id = x.item_id and m.created_at > x.counted_at
           and (m.to_location_id = x.location_id or m.from_location_id = x.location_id)), 0))::text
       as expected
     from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[])
       as x(line_id, item_id, location_id, counted_at)
     left join stock_levels sl on sl.item_id = x.item_id and sl.location_id = x.location_id`,
    [
      lines.map((l) => l.lineId),
      lines.map((l) => l.itemId),
      lines.map((l) => l.locationId),
      lines.map((l) => l.countedAt),
    ],
  );
  return new Map(rows.map((r) => [Number(r.line_id), parseMilli(r.expected)]));
}

/**
 * Posts every line's adjustment (counted − balance when it was counted) inside the caller's
 * transaction (docs/decisions/0030). Until the movements module's postCounts lands (issue 14,
 * point 7), this locks the balances first, reads each balance as of its count under those
 * locks and posts the difference as an adjustment: every movement after the count is kept,
 * and none can slip in between the read and the post.
 */
export async function postLines(
  trx: Knex.Transaction,
  lines: LineToPost[],
  ctx: { reference: string; note: string | null; actor: Actor },
): Promise<Map<number, Posted>> {
  const sorted = [...lines].sort((a, b) => a.itemId - b.itemId || a.locationId - b.locationId);
  const expectedAll = await lockAndReadAsOf(trx, sorted);
  const posted = new Map<number, Posted>();
  for (const line of sorted) {
    const expected = expectedAll.get(line.lineId)!;
    const adjustment = line.countedQuantity - expected;
    let movementId: number | null = null;
    if (adjustment !== 0n) {
      const { movement } = await movements.postMovement(
        trx,
        {
          kind: 'adjust',
          itemId: line.itemId,
          locationId: line.locationId,
          delta: adjustment,
          reference: ctx.reference,
          note:
            ctx.note ?? `Count line ${line.lineId}: ${formatMilli(line.countedQuantity)} counted`,
        },
        { actor: ctx.actor },
      );
      movementId = movement.id;
    }
    posted.set(line.lineId, { expected, adjustment, movementId });
  }
  return posted;
}
