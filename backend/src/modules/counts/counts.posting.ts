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
 * Posts every line's adjustment (counted − balance when it was counted) inside the caller's
 * transaction (docs/decisions/0030). Until the movements module's postCounts lands (issue 14,
 * point 7), this locks each balance the way a movement does (item, place, balance, in
 * (item, place) order, so it cannot deadlock with movements), reads the balance as of the
 * count under that lock, and posts the difference as an adjustment: every movement after the
 * count is kept, and none can slip in between the read and the post.
 */
export async function postLines(
  trx: Knex.Transaction,
  lines: LineToPost[],
  ctx: { reference: string; note: string | null; actor: Actor },
): Promise<Map<number, Posted>> {
  const sorted = [...lines].sort((a, b) => a.itemId - b.itemId || a.locationId - b.locationId);
  const posted = new Map<number, Posted>();
  for (const line of sorted) {
    // Two statements: a statement's snapshot is taken when it starts, so the read after the
    // lock sees every movement that committed while this waited for it.
    await trx.raw(
      `with i as materialized (select id from items where id = ? for share),
         l as materialized (
           select id from locations where id = ? and (select count(*) from i) >= 0 for share)
       select 1 from stock_levels where item_id = ? and location_id = ?
         and (select count(*) from l) >= 0 for update`,
      [line.itemId, line.locationId, line.itemId, line.locationId],
    );
    const { rows } = await trx.raw<{ rows: { expected: string }[] }>(
      `select (coalesce((select quantity from stock_levels where item_id = ? and location_id = ?), 0)
         - coalesce((
           select sum(case when m.to_location_id = ? then m.quantity else -m.quantity end)
           from movements m where m.item_id = ? and m.created_at > ?
             and (m.to_location_id = ? or m.from_location_id = ?)), 0))::text as expected`,
      [
        line.itemId,
        line.locationId,
        line.locationId,
        line.itemId,
        line.countedAt,
        line.locationId,
        line.locationId,
      ],
    );
    const expected = parseMilli(rows[0]!.expected);
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
