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

export type Posted =
  | { expected: bigint; adjustment: bigint; movementId: number; skipped: null }
  | { expected: null; adjustment: null; movementId: null; skipped: 'superseded' };

/**
 * Locks every balance the lines touch before anything is posted, in the movements' order
 * (items, then places, then balances by item and place). Posting a line also locks the item's
 * total; were the next line's balance locked only then, a movement holding that balance and
 * waiting for the total would deadlock with the approval.
 */
async function lockBalances(trx: Knex.Transaction, lines: LineToPost[]): Promise<void> {
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
    [
      [...new Set(lines.map((l) => l.itemId))],
      [...new Set(lines.map((l) => l.locationId))],
      lines.map((l) => l.itemId),
      lines.map((l) => l.locationId),
    ],
  );
}

/**
 * Posts every line as a dated count (movements.postCounts, docs/decisions/0029) inside the
 * caller's transaction: each adjustment is counted − the balance at countedAt in the ledger's
 * time, so every movement after the count is kept. A line whose place was counted again later
 * (a count movement dated after it) is skipped: that count already fixed the balance since.
 */
export async function postLines(
  trx: Knex.Transaction,
  lines: LineToPost[],
  ctx: { reference: string; note: string | null; actor: Actor },
): Promise<Map<number, Posted>> {
  const posted = new Map<number, Posted>();
  if (lines.length === 0) return posted;
  await lockBalances(trx, lines);
  const byPlace = new Map(lines.map((l) => [`${l.itemId}:${l.locationId}`, l]));
  const results = await movements.postCounts(
    trx,
    lines.map((l) => ({
      itemId: l.itemId,
      locationId: l.locationId,
      countedQuantity: formatMilli(l.countedQuantity),
      countedAt: l.countedAt,
    })),
    { reference: ctx.reference, note: ctx.note, actor: ctx.actor, skipSuperseded: true },
  );
  for (const r of results) {
    // One current line per item and place, so the place names the line.
    const line = byPlace.get(`${r.line.itemId}:${r.line.locationId}`)!;
    if (r.movement === null || r.expected === null) {
      posted.set(line.lineId, {
        expected: null,
        adjustment: null,
        movementId: null,
        skipped: 'superseded',
      });
      continue;
    }
    posted.set(line.lineId, {
      expected: parseMilli(r.expected),
      adjustment: parseMilli(r.movement.delta ?? '0'),
      movementId: r.movement.id,
      skipped: null,
    });
  }
  return posted;
}
