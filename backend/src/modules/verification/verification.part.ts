import type { CtePart } from '../../lib/cte';
import { ledgerTime } from '../../lib/ledger-time';

/**
 * The post statement's part that keeps last_counts (docs/decisions/0031): a `count` records
 * itself as the item × location's last verification, unless a count taken later is already
 * there (a back-dated count does not hide a newer one). Times are the ledger's (a count's
 * countedAt, docs/decisions/0029). Reads the new ledger row as `movement`.
 */
export function lastCountPart(movement: string): CtePart {
  return {
    name: 'last_count',
    sql: `insert into last_counts (item_id, location_id, movement_id, counted_at)
          select item_id, coalesce(to_location_id, from_location_id), id, ${ledgerTime('n')}
          from ${movement} n where kind = 'count'
          on conflict (item_id, location_id) do update
            set movement_id = excluded.movement_id, counted_at = excluded.counted_at
            where last_counts.counted_at <= excluded.counted_at
          returning 1`,
    bindings: [],
  };
}

// The newest count at the row's item × location that is neither `reversed` nor reversed before.
const PREVIOUS = `(
  select m.id, ${ledgerTime('m')} as at from movements m
  where m.item_id = lc.item_id and m.kind = 'count' and m.id <> ?
    and coalesce(m.to_location_id, m.from_location_id) = lc.location_id
    and not exists (select 1 from movements r where r.reverses_movement_id = m.id)
  order by ${ledgerTime('m')} desc, m.id desc limit 1)`;

/**
 * A reversed count no longer verifies anything: when it is the row's last count, the count
 * before it (if any) takes its place, else the row goes. Two parts whose conditions exclude
 * each other, so one statement never writes the same row twice.
 */
export function reversedCountParts(reversed: number): CtePart[] {
  return [
    {
      name: 'last_count_back',
      sql: `update last_counts lc set (movement_id, counted_at) = (
              select p.id, p.at from ${PREVIOUS} p)
            where lc.movement_id = ? and exists ${PREVIOUS}
            returning 1`,
      bindings: [reversed, reversed, reversed],
    },
    {
      name: 'last_count_gone',
      sql: `delete from last_counts lc
            where lc.movement_id = ? and not exists ${PREVIOUS}
            returning 1`,
      bindings: [reversed, reversed],
    },
  ];
}
