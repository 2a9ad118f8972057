import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { cappedCount, keysetPage } from '../../lib/keyset';
import { isLowStockSql } from '../../lib/low-stock';
import { preparedSql } from '../../lib/prepared';
import { formatDbDecimal } from '../../lib/quantity';
import { iso, isoFromUtcText, isoNotNull, likeContains, utcText } from '../../lib/sql';
import {
  LOCATION_STOCK_KEYSET,
  type ItemStock,
  type LocationStockQuery,
  type LowStock,
  type StockSummary,
} from './stock.schemas';

const dec = (v: string | null) => formatDbDecimal(v) ?? '0';

// Written out rather than built with knex on every call (issue 12: building it was ~6 % of
// the request's CPU, the timestamps' Dates ~2 %); the timestamps as UTC text (lib/sql.ts).
const BY_ITEM = `select l.id, l.code, l.name, ${utcText('l.archived_at')} as archived_at,
  s.quantity, ${utcText('s.updated_at')} as updated_at
  from items as i
  left join stock_levels as s on s.item_id = i.id and s.quantity > 0
  left join locations as l on l.id = s.location_id
  where i.id = $1
  order by lower(l.code)`;

/**
 * The item's stock by location, or undefined when there is no such item: one query (from the
 * item, so a missing item and an item with no stock differ) instead of a lookup and a list.
 */
export async function byItem(db: DbOrTrx, itemId: number): Promise<ItemStock['data'] | undefined> {
  const rows = await preparedSql<{
    id: string | null;
    code: string;
    name: string;
    archived_at: string | null;
    quantity: string;
    updated_at: string;
  }>(db, BY_ITEM, [itemId]);
  if (rows.length === 0) return undefined;
  return rows.flatMap((r) =>
    r.id === null
      ? []
      : [
          {
            location: {
              id: Number(r.id),
              code: r.code,
              name: r.name,
              archivedAt: r.archived_at === null ? null : isoFromUtcText(r.archived_at),
            },
            quantity: dec(r.quantity),
            updatedAt: isoFromUtcText(r.updated_at),
          },
        ],
  );
}

interface LocationStockRow {
  id: string;
  sku: string;
  name: string;
  unit: string;
  archived_at: Date | null;
  quantity: string;
  updated_at: Date;
}

/** What a location holds, by SKU, a page at a time (keyset on the item's SKU and id). */
export async function byLocation(
  db: DbOrTrx,
  locationId: number,
  q: LocationStockQuery,
  how: { placeFirst: boolean; lines?: number },
) {
  // OFFSET 0 keeps the subquery a subquery: PostgreSQL reads the place's lines by its index
  // first instead of folding them into a walk of items by SKU (stock.service.ts placeFirst).
  const lines: Knex.QueryBuilder = how.placeFirst
    ? db.from(
        db.raw(
          '(select item_id, quantity, updated_at from stock_levels where location_id = ? and quantity > 0 offset 0) as s',
          [locationId],
        ),
      )
    : db('stock_levels as s').where('s.location_id', locationId).where('s.quantity', '>', 0);
  const base = lines.join('items as i', 'i.id', 's.item_id');
  if (q.q) {
    const p = likeContains(q.q);
    void base.where((w) => {
      void w.where('i.sku', 'ilike', p).orWhere('i.name', 'ilike', p);
    });
  }
  const [page, count] = await Promise.all([
    keysetPage<LocationStockRow>(
      db,
      base
        .clone()
        .select('i.id', 'i.sku', 'i.name', 'i.unit', 'i.archived_at', 's.quantity', 's.updated_at'),
      LOCATION_STOCK_KEYSET,
      q,
    ),
    how.lines === undefined
      ? cappedCount(db, base.clone())
      : { count: how.lines, countExact: true },
  ]);
  return {
    rows: page.rows.map((r) => ({
      item: {
        id: Number(r.id),
        sku: r.sku,
        name: r.name,
        unit: r.unit,
        archivedAt: iso(r.archived_at),
      },
      quantity: dec(r.quantity),
      updatedAt: isoNotNull(r.updated_at),
    })),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    ...count,
  };
}

const LOW_STOCK = `
  from items i
  left join item_totals s on s.item_id = i.id
  where i.archived_at is null and ${isLowStockSql('i')}`;

export async function lowStock(
  db: DbOrTrx,
  q: { limit: number; offset: number },
): Promise<{ rows: LowStock['data']; total: number }> {
  const [{ rows }, { rows: count }] = await Promise.all([
    db.raw<{
      rows: {
        id: string;
        sku: string;
        name: string;
        unit: string;
        reorder_point: string;
        on_hand: string;
        shortfall: string;
      }[];
    }>(
      `select i.id, i.sku, i.name, i.unit, i.reorder_point, coalesce(s.on_hand, 0) as on_hand,
              i.reorder_point - coalesce(s.on_hand, 0) as shortfall
       ${LOW_STOCK}
       order by (i.reorder_point - coalesce(s.on_hand, 0)) / nullif(i.reorder_point, 0) desc nulls last, lower(i.sku)
       limit ? offset ?`,
      [q.limit, q.offset],
    ),
    db.raw<{ rows: { n: string }[] }>(`select count(*) as n ${LOW_STOCK}`),
  ]);
  return {
    rows: rows.map((r) => ({
      item: {
        id: Number(r.id),
        sku: r.sku,
        name: r.name,
        unit: r.unit,
        reorderPoint: dec(r.reorder_point),
      },
      onHand: dec(r.on_hand),
      shortfall: dec(r.shortfall),
    })),
    total: Number(count[0]?.n ?? 0),
  };
}

type Figures = Exclude<keyof StockSummary, 'activeItems' | 'stockLines'>;

/**
 * The dashboard's figures but the active items' and the stock lines' (the items and locations
 * modules keep those stored).
 */
export async function summary(db: DbOrTrx): Promise<Record<Figures, number>> {
  const { rows } = await db.raw<{ rows: Record<Figures, string>[] }>(
    `select
       (select count(*) from locations where archived_at is null) as "activeLocations",
       (select count(*) ${LOW_STOCK}) as "lowStockItems",
       (select count(*) from movements where created_at > now() - interval '24 hours') as "movementsLast24h"`,
  );
  const r = rows[0]!;
  return {
    activeLocations: Number(r.activeLocations),
    lowStockItems: Number(r.lowStockItems),
    movementsLast24h: Number(r.movementsLast24h),
  };
}
