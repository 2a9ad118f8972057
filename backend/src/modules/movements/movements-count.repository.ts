import { directSql } from '../../lib/prepared';
import { builder, type Tx } from '../../lib/transaction';
import { ledgerTime } from '../../lib/ledger-time';
import { parseMilli } from '../../lib/quantity';

/** How far ahead of the database's clock a countedAt may be (clock skew), then taken as now. */
export const COUNTED_AT_SKEW_SECONDS = 60;

/** What a dated count is computed against, read after its balance row is locked. */
export interface CountBasis {
  /** The ledger time the count takes effect: countedAt, or now when it was up to the skew ahead. */
  at: string;
  now: string;
  inFuture: boolean;
  beforeItem: boolean;
  itemCreatedAt: string;
  /** Net change at the place from movements after `at` (ledger order: effective_at, id). */
  since: bigint;
  /** The largest net change after some later movement (0 when none): the balance dipped lowest there. */
  peakAfter: bigint;
  /** When that lowest balance was reached (`at` itself when nothing after it). */
  lowestAt: string;
  /** The latest count at this place dated after `at`, if any: it fixed the balance since. */
  supersededBy: number | null;
}

interface BasisRow {
  at: string;
  at_iso: Date;
  now: Date;
  in_future: boolean;
  before_item: boolean;
  item_created_at: Date;
  since: string;
  peak_after: string;
  lowest_at: Date | null;
  superseded_by: string | null;
}

/**
 * The movements at (item, place) after `at`, read in a statement that starts after the caller
 * locked the balance row: any movement there is committed (and visible to this statement's
 * snapshot) or has yet to take the lock, and then its clock_timestamp() is later than now.
 * Balance just after a later movement k = current − (net change of the movements after k).
 */
const BASIS_SQL = `
  with v as materialized (
    select least(?::timestamptz, clock_timestamp()) as at, clock_timestamp() as now,
           ?::timestamptz as asked, (select created_at from items where id = ?) as item_created_at
  ), m as (
    select ${ledgerTime('mv')} as effective_at, mv.id, mv.kind,
           case when mv.to_location_id = ? then mv.quantity else -mv.quantity end as d
    from movements mv, v
    where mv.item_id = ? and ${ledgerTime('mv')} > v.at
      and (mv.to_location_id = ? or mv.from_location_id = ?)
  ), s as (
    select effective_at,
           coalesce(sum(d) over (order by effective_at desc, id desc
                                 rows between unbounded preceding and 1 preceding), 0) as after
    from m
  ), low as (
    select effective_at, after from s order by after desc, effective_at limit 1
  )
  select v.at::text as at, v.at as at_iso, v.now,
         v.asked > v.now + make_interval(secs => ?) as in_future,
         v.asked < v.item_created_at as before_item, v.item_created_at,
         (select coalesce(sum(d), 0) from m)::text as since,
         greatest((select after from low), 0)::text as peak_after,
         (select effective_at from low) as lowest_at,
         (select id from m where kind = 'count' order by effective_at desc, id desc limit 1)
           as superseded_by
  from v`;

export async function countBasis(
  tx: Tx,
  itemId: number,
  locationId: number,
  countedAt: string,
): Promise<CountBasis> {
  const basis = builder(tx).raw(BASIS_SQL, [
    countedAt,
    countedAt,
    itemId,
    locationId,
    itemId,
    locationId,
    locationId,
    COUNTED_AT_SKEW_SECONDS,
  ]);
  const { sql, bindings } = basis.toSQL().toNative();
  const r = (await directSql<BasisRow>(tx, sql, bindings))[0]!;
  return {
    at: r.at,
    now: r.now.toISOString(),
    inFuture: r.in_future,
    beforeItem: r.before_item,
    itemCreatedAt: r.item_created_at.toISOString(),
    since: parseMilli(r.since),
    peakAfter: parseMilli(r.peak_after),
    lowestAt: (r.lowest_at ?? r.at_iso).toISOString(),
    supersededBy: r.superseded_by === null ? null : Number(r.superseded_by),
  };
}
