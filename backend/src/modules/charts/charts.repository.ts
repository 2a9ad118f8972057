import type { DbOrTrx } from '../../lib/db';
import { ledgerTime } from '../../lib/ledger-time';
import { isLowStockSql } from '../../lib/low-stock';
import type { HistoryInput } from './charts.history';
import type { MovementsPerDay } from './charts.schemas';

/**
 * The item's balances and its newest `limit` movements in one statement, so both come from
 * one snapshot (a movement posted in between would otherwise be counted twice or not at all).
 * Newest in the ledger's time (docs/decisions/0029), as stock as of a moment reads it: a
 * back-dated count is drawn when it was taken (movements_item_effective_at).
 */
export async function historyInput(
  db: DbOrTrx,
  itemId: number,
  limit: number,
): Promise<Omit<HistoryInput, 'unit'>> {
  const { rows } = await db.raw<{
    rows: { balances: HistoryInput['balances']; movements: HistoryInput['movements'] }[];
  }>(
    `with m as (
       select id, kind, from_location_id, to_location_id, quantity, ${ledgerTime('mv')} as at
       from movements mv where item_id = ? order by ${ledgerTime('mv')} desc, id desc limit ?
     ), places as (
       -- Every place the item has a balance row at, and (belt and braces) any place a drawn
       -- movement names, so each step back has a balance to undo into.
       select location_id from stock_levels where item_id = ?
       union select from_location_id from m where from_location_id is not null
       union select to_location_id from m where to_location_id is not null
     ), b as (
       select l.id as location_id, l.code, l.name, coalesce(s.quantity, 0) as quantity
       from places p join locations l on l.id = p.location_id
       left join stock_levels s on s.item_id = ? and s.location_id = p.location_id
     )
     select
       (select coalesce(json_agg(json_build_object('id', location_id::text, 'code', code,
                 'name', name, 'quantity', quantity::text) order by lower(code), location_id), '[]')
        from b) as balances,
       (select coalesce(json_agg(json_build_object('id', id::text, 'kind', kind,
                 'from', from_location_id::text, 'to', to_location_id::text,
                 'quantity', quantity::text, 'at', at) order by at desc, id desc), '[]')
        from m) as movements`,
    [itemId, limit + 1, itemId, itemId],
  );
  const { balances, movements } = rows[0]!;
  return {
    balances,
    movements: movements.slice(0, limit),
    complete: movements.length <= limit,
  };
}

// The first UTC day of the window, as a timestamptz.
const WINDOW_START = `((date_trunc('day', now() at time zone 'UTC')
  - make_interval(days => ?::int - 1)) at time zone 'UTC')`;

/**
 * The UTC day a time falls in, as the timestamptz of its midnight (date_bin: a third of the
 * cost per row of `to_char` or `at time zone … ::date`, which the 28-day window reads 160,000
 * times at 1M movements). Formatted once per group, not per row.
 */
const UTC_DAY = (column: string) =>
  `date_bin('1 day', ${column}, timestamptz '2000-01-01 00:00:00+00')`;

/** UTC dates from `days - 1` days ago to today, oldest first. */
export function windowDays(days: number, now = new Date()): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) =>
    new Date(today - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

/** Movements per UTC day and kind: an index range of movements_created_at, then a hash. */
export async function movementsPerDay(db: DbOrTrx, days: number) {
  const { rows } = await db.raw<{
    rows: { day: string; kind: keyof Omit<MovementsPerDay['data'][number], 'day'>; n: string }[];
  }>(
    `select to_char(day at time zone 'UTC', 'YYYY-MM-DD') as day, kind, n
     from (select ${UTC_DAY('created_at')} as day, kind, count(*) as n
           from movements where created_at >= ${WINDOW_START}
           group by 1, 2) d`,
    [days],
  );
  return rows;
}

/**
 * Per UTC day, how the number of low items changed that day (+1 an item went low, −1 one
 * recovered), from the ledger: each item that moved in the window gets its total at the end
 * of each day it moved (today's total minus what later days changed), compared with its
 * current reorder point (the same rule as the dashboard's low-stock count: at or below).
 * Only the days an item moved are read, so the cost follows the window's movements, not the
 * items × days.
 */
export async function lowChangesPerDay(db: DbOrTrx, days: number) {
  const { rows } = await db.raw<{ rows: { day: string; diff: string }[] }>(
    `with ch as (
       select m.item_id, ${UTC_DAY('m.created_at')} as day,
              sum(case when m.from_location_id is null then m.quantity
                       when m.to_location_id is null then -m.quantity else 0 end) as change
       from movements m
       where m.created_at >= ${WINDOW_START} and m.kind <> 'transfer'
         and m.item_id in (select t.item_id from item_totals t where t.reorder_point is not null)
       group by 1, 2
     ), ends as (
       select ch.item_id, ch.day, t.reorder_point as rp,
              t.on_hand - coalesce(sum(ch.change) over (partition by ch.item_id order by ch.day desc
                rows between unbounded preceding and 1 preceding), 0) as total_end,
              t.on_hand - sum(ch.change) over (partition by ch.item_id) as total_before
       from ch join item_totals t on t.item_id = ch.item_id
       join items i on i.id = ch.item_id and i.archived_at is null
     ), states as (
       select day, (total_end <= rp)::int as low,
              lag((total_end <= rp)::int, 1, (total_before <= rp)::int)
                over (partition by item_id order by day) as was_low
       from ends
     )
     select to_char(day at time zone 'UTC', 'YYYY-MM-DD') as day, sum(low - was_low) as diff
     from states group by 1`,
    [days],
  );
  return rows;
}

/** Active items low now: the dashboard's count (lib/low-stock.ts). */
export async function lowNow(db: DbOrTrx): Promise<number> {
  const { rows } = await db.raw<{ rows: { n: string }[] }>(
    `select count(*) as n from items i where i.archived_at is null and ${isLowStockSql('i')}`,
  );
  return Number(rows[0]!.n);
}
