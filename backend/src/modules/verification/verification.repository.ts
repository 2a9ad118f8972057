import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { encodeCursor, type Cursor } from '../../lib/http/cursor';
import { badCursor, type KeysetSpec } from '../../lib/keyset';
import { pgCode } from '../../lib/db-errors';
import { formatDbDecimal } from '../../lib/quantity';
import { isoNotNull } from '../../lib/sql';
import type { StaleCountRow } from './verification.schemas';

interface LastCountRow {
  counted_at: Date | null;
  movement_id: string | null;
  user_id: string | null;
  user_name: string | null;
}

const lastCount = (r: LastCountRow) =>
  r.counted_at === null
    ? null
    : {
        countedAt: isoNotNull(r.counted_at),
        movementId: Number(r.movement_id),
        countedBy: r.user_id === null ? null : { id: Number(r.user_id), name: r.user_name ?? '' },
      };

// Who counted: the count movement's author, one primary-key lookup per row shown.
const AUTHOR = `left join movements m on m.id = c.movement_id
  left join users u on u.id = m.created_by`;
const LAST_COUNT_COLUMNS = 'c.counted_at, c.movement_id, u.id as user_id, u.name as user_name';

export async function forItem(db: DbOrTrx, itemId: number) {
  const { rows } = await db.raw<{
    rows: (LastCountRow & { location_id: string; code: string; name: string })[];
  }>(
    `select l.id as location_id, l.code, l.name, ${LAST_COUNT_COLUMNS}
     from last_counts c join locations l on l.id = c.location_id ${AUTHOR}
     where c.item_id = ? order by lower(l.code)`,
    [itemId],
  );
  return rows.map((r) => ({
    location: { id: Number(r.location_id), code: r.code, name: r.name },
    lastCounted: lastCount(r)!,
  }));
}

export async function forLocation(db: DbOrTrx, locationId: number) {
  const { rows } = await db.raw<{
    rows: (LastCountRow & { stock_lines: string; never_counted: string })[];
  }>(
    `select ${LAST_COUNT_COLUMNS},
       (select count(*) from stock_levels s where s.location_id = ? and s.quantity > 0)
         as stock_lines,
       (select count(*) from stock_levels s where s.location_id = ? and s.quantity > 0
          and not exists (select 1 from last_counts n
                          where n.item_id = s.item_id and n.location_id = s.location_id))
         as never_counted
     from (select 1) one
     left join lateral (select * from last_counts where location_id = ?
                        order by counted_at desc limit 1) c on true
     ${AUTHOR}`,
    [locationId, locationId, locationId],
  );
  const r = rows[0]!;
  return {
    lastCounted: lastCount(r),
    stockLines: Number(r.stock_lines),
    neverCounted: Number(r.never_counted),
  };
}

/**
 * The report's order: never counted first (by item, location), then counted longest ago
 * first. Two index-ordered reads instead of one sort over every stock row: phase 0 walks
 * stock_levels' primary key skipping counted rows, phase 1 walks last_counts_counted_at; each
 * stops at the page's end. The cursor names the phase, so a page may cross from one to the next.
 */
export const STALE_KEYSET: KeysetSpec = {
  shape: 'stale-counts',
  keys: [
    { sql: 'phase', type: 'int', dir: 'asc' },
    { sql: 'c.counted_at', type: 'timestamptz', dir: 'asc' },
    { sql: 's.item_id', type: 'bigint', dir: 'asc' },
    { sql: 's.location_id', type: 'bigint', dir: 'asc' },
  ],
};
const NEVER = '1970-01-01 00:00:00+00';

interface StaleRow extends LastCountRow {
  item_id: string;
  location_id: string;
  quantity: string;
  sku: string;
  item_name: string;
  unit: string;
  code: string;
  location_name: string;
  counted_at_text: string | null;
}

const SUBTREE = `with recursive sub as (
    select id from locations where id = ?
    union all select l.id from locations l join sub on l.parent_id = sub.id)
  select id from sub`;

function phaseQuery(
  db: DbOrTrx,
  phase: 0 | 1,
  days: number,
  subtree: number | undefined,
  after: string[] | undefined,
  limit: number,
): Knex.Raw {
  const where: string[] = ['s.quantity > 0'];
  const bindings: Knex.RawBinding[] = [];
  if (subtree !== undefined) {
    where.push(`s.location_id in (${SUBTREE})`);
    bindings.push(subtree);
  }
  if (phase === 0) {
    where.push(`not exists (select 1 from last_counts c0
                            where c0.item_id = s.item_id and c0.location_id = s.location_id)`);
    if (after) {
      where.push('(s.item_id, s.location_id) > (?::bigint, ?::bigint)');
      bindings.push(after[2]!, after[3]!);
    }
  } else {
    where.push(`c.counted_at < now() - make_interval(days => ?)`);
    bindings.push(days);
    if (after) {
      where.push(
        '(c.counted_at, c.item_id, c.location_id) > (?::timestamptz, ?::bigint, ?::bigint)',
      );
      bindings.push(after[1]!, after[2]!, after[3]!);
    }
  }
  const from =
    phase === 0
      ? 'stock_levels s left join last_counts c on false'
      : 'last_counts c join stock_levels s on s.item_id = c.item_id and s.location_id = c.location_id';
  const order = phase === 0 ? 's.item_id, s.location_id' : 'c.counted_at, c.item_id, c.location_id';
  return db.raw(
    `select p.*, i.sku, i.name as item_name, i.unit, l.code, l.name as location_name,
            u.id as user_id, u.name as user_name
     from (select s.item_id, s.location_id, s.quantity, c.counted_at, c.movement_id,
                  c.counted_at::text as counted_at_text
           from ${from} where ${where.join(' and ')} order by ${order} limit ?) p
     join items i on i.id = p.item_id
     join locations l on l.id = p.location_id
     left join movements m on m.id = p.movement_id
     left join users u on u.id = m.created_by
     order by ${order.replaceAll('s.', 'p.').replaceAll('c.', 'p.')}`,
    [...bindings, limit],
  );
}

const toStale = (r: StaleRow): StaleCountRow => ({
  item: { id: Number(r.item_id), sku: r.sku, name: r.item_name, unit: r.unit },
  location: { id: Number(r.location_id), code: r.code, name: r.location_name },
  quantity: formatDbDecimal(r.quantity) ?? '0',
  lastCounted: lastCount(r),
});

export async function stale(
  db: DbOrTrx,
  q: { days: number; locationId?: number; limit: number; cursor?: Cursor },
): Promise<{ rows: StaleCountRow[]; nextCursor: string | null }> {
  // A well-formed cursor value can still be out of range (month 13): PostgreSQL's data
  // exception on it is the caller's bad cursor (400), not a server fault.
  return staleRows(db, q).catch((e: unknown) => {
    if (q.cursor && pgCode(e)?.startsWith('22')) throw badCursor();
    throw e;
  });
}

async function staleRows(
  db: DbOrTrx,
  q: { days: number; locationId?: number; limit: number; cursor?: Cursor },
): Promise<{ rows: StaleCountRow[]; nextCursor: string | null }> {
  const phase = q.cursor ? Number(q.cursor.keys[0]) : 0;
  const want = q.limit + 1;
  let rows: (StaleRow & { phase: number })[] = [];
  if (phase === 0) {
    const { rows: never } = (await phaseQuery(
      db,
      0,
      q.days,
      q.locationId,
      q.cursor?.keys,
      want,
    )) as {
      rows: StaleRow[];
    };
    rows = never.map((r) => ({ ...r, phase: 0 }));
  }
  if (rows.length < want) {
    const after = phase === 1 ? q.cursor?.keys : undefined;
    const { rows: old } = (await phaseQuery(
      db,
      1,
      q.days,
      q.locationId,
      after,
      want - rows.length,
    )) as {
      rows: StaleRow[];
    };
    rows.push(...old.map((r) => ({ ...r, phase: 1 })));
  }
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > q.limit && last
      ? encodeCursor({
          shape: STALE_KEYSET.shape,
          direction: 'after',
          keys: [String(last.phase), last.counted_at_text ?? NEVER, last.item_id, last.location_id],
        })
      : null;
  return { rows: page.map(toStale), nextCursor };
}
