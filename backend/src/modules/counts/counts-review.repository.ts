import type { DbOrTrx } from '../../lib/db';
import { formatDbDecimal, formatMilli, parseMilli } from '../../lib/quantity';
import { ledgerTime } from '../../lib/ledger-time';
import { isoNotNull } from '../../lib/sql';
import { ITEM_JSON, LOCATION_JSON } from './counts-lines.repository';
import type { CountLine } from './counts.schemas';

export interface CurrentLine {
  lineId: number;
  item: CountLine['item'];
  location: CountLine['location'];
  countedQuantity: bigint;
  countedAt: string;
  countedBy: CountLine['countedBy'];
  /** The balance now, and the net change the ledger holds after countedAt. */
  current: bigint;
  since: bigint;
  /** Set on approval: what was posted. */
  expectedQuantity: bigint | null;
  adjustment: bigint | null;
  movementId: number | null;
  skipped: string | null;
}

interface Row {
  id: string;
  item: CountLine['item'];
  location: CountLine['location'];
  counted_quantity: string;
  counted_at: Date;
  counted_by: CountLine['countedBy'];
  current: string;
  since: string;
  expected_quantity: string | null;
  adjustment: string | null;
  movement_id: string | null;
  skipped: string | null;
}

const milli = (v: string | null) => (v === null ? null : parseMilli(formatDbDecimal(v)!));

/**
 * The line that counts for each item and place (the latest entered), with the balance now and
 * what moved there after it was counted: the balance when it was counted is the difference.
 * The session's own adjustment (once approved) is not "since".
 */
export async function currentLines(db: DbOrTrx, sessionId: number): Promise<CurrentLine[]> {
  const { rows } = await db.raw<{ rows: Row[] }>(
    `select cl.id, cl.counted_quantity::text as counted_quantity, cl.counted_at,
       cl.expected_quantity::text as expected_quantity, cl.adjustment::text as adjustment,
       cl.movement_id, cl.skipped,
       ${ITEM_JSON('i')} as item, ${LOCATION_JSON('l')} as location,
       (select json_build_object('id', u.id, 'name', u.name) from users u where u.id = cl.counted_by)
         as counted_by,
       coalesce(sl.quantity, 0)::text as current,
       coalesce((
         select sum(case when m.to_location_id = cl.location_id then m.quantity else -m.quantity end)
         from movements m
         where m.item_id = cl.item_id and ${ledgerTime('m')} > cl.counted_at
           and (m.to_location_id = cl.location_id or m.from_location_id = cl.location_id)
           and m.id is distinct from cl.movement_id
       ), 0)::text as since
     from (select distinct on (item_id, location_id) * from count_lines where session_id = ?
           order by item_id, location_id, id desc) cl
     join items i on i.id = cl.item_id join locations l on l.id = cl.location_id
     left join stock_levels sl on sl.item_id = cl.item_id and sl.location_id = cl.location_id
     order by l.code, i.sku, cl.id`,
    [sessionId],
  );
  return rows.map((r) => ({
    lineId: Number(r.id),
    item: r.item,
    location: r.location,
    countedQuantity: milli(r.counted_quantity)!,
    countedAt: isoNotNull(r.counted_at),
    countedBy: r.counted_by,
    current: milli(r.current)!,
    since: milli(r.since)!,
    expectedQuantity: milli(r.expected_quantity),
    adjustment: milli(r.adjustment),
    movementId: r.movement_id === null ? null : Number(r.movement_id),
    skipped: r.skipped,
  }));
}

export async function recordPosted(
  db: DbOrTrx,
  lineId: number,
  posted: {
    expected: bigint | null;
    adjustment: bigint | null;
    movementId: number | null;
    skipped: string | null;
  },
): Promise<void> {
  const fmt = (v: bigint | null) => (v === null ? null : formatMilli(v));
  await db('count_lines')
    .where({ id: lineId })
    .update({
      expected_quantity: fmt(posted.expected),
      adjustment: fmt(posted.adjustment),
      movement_id: posted.movementId,
      skipped: posted.skipped,
    });
}
