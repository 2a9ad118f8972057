import type { Db } from '../../lib/db';
import { formatMilli, parseMilli } from '../../lib/quantity';
import { countActiveItems, getItem } from '../items/items.service';
import { countStockLines, countStockLinesAt, getLocation } from '../locations/locations.service';
import * as asOfRepo from './stock-as-of.repository';
import type { StockAsOf, StockAsOfQuery } from './stock-as-of.schemas';
import * as repo from './stock.repository';
import type { ItemStock, LocationStockQuery, StockSummary } from './stock.schemas';

export async function stockForItem(db: Db, itemId: number): Promise<ItemStock> {
  const data = await repo.byItem(db, itemId);
  // No such item: the items module says so (404), as for any other reference to it.
  if (!data) await getItem(db, itemId);
  return summarise(itemId, data ?? []);
}

function summarise(itemId: number, data: ItemStock['data']): ItemStock {
  const total = data.reduce((sum, line) => sum + parseMilli(line.quantity), 0n);
  return { itemId, total: formatMilli(total), data };
}

/**
 * Whether a place's page reads the place's lines first (then their items, sorted by SKU) rather
 * than walking every item in SKU order until the page is full. The walk costs about
 * page × items ÷ lines probes — every item for a place that holds none, such as a warehouse
 * whose stock is in its bins — and reading the place first about five probes' worth a line
 * (each line's item, then the sort). At 100,000 items: an empty place walked in 85–131 ms and
 * read first in 0.04–0.2 ms; a bin of 1,563 lines walked in 3.3–5.2 ms and read first in 7–30.
 * PostgreSQL cannot tell the two apart: it assumes every place holds the average.
 */
export const placeFirst = (lines: number, items: number, page: number) =>
  5 * lines * lines < page * items;

export async function stockAtLocation(db: Db, locationId: number, q: LocationStockQuery) {
  // The place's existence (a 404) and the stored figures read at the same time, not one after
  // the other: a missing place has no roll-up row, so its figures read as 0 and are never used.
  const [, lines, items] = await Promise.all([
    getLocation(db, locationId),
    countStockLinesAt(db, locationId),
    countActiveItems(db),
  ]);
  const { rows, ...page } = await repo.byLocation(db, locationId, q, {
    placeFirst: placeFirst(lines, items, q.limit + 1),
    // Unfiltered, the page lists every line at the place: the roll-ups' figure is its count,
    // exact at any size, where counting the lines again read up to 1,001 of them.
    lines: q.q ? undefined : lines,
  });
  return { data: rows, page: { limit: q.limit, ...page } };
}

export async function lowStock(db: Db, q: { limit: number; offset: number }) {
  const { rows, total } = await repo.lowStock(db, q);
  return { data: rows, page: { limit: q.limit, offset: q.offset, total } };
}

export async function stockSummary(db: Db): Promise<StockSummary> {
  // Counting the active items read every one of them (~65 ms at 100,000, on every dashboard
  // visit); the items module's stored figure is exact and costs a primary-key read. The stock
  // lines likewise come from the locations' roll-ups, not a count of every balance.
  const [activeItems, stockLines, rest] = await Promise.all([
    countActiveItems(db),
    countStockLines(db),
    repo.summary(db),
  ]);
  return { activeItems, stockLines, ...rest };
}

/** Stock per item and place as of a moment (docs/decisions/0029), a page at a time. */
export async function stockAsOf(db: Db, q: StockAsOfQuery): Promise<StockAsOf> {
  // Unknown references are 404s, as anywhere else, not an empty list.
  if (q.itemId !== undefined) await getItem(db, q.itemId);
  if (q.locationId !== undefined) await getLocation(db, q.locationId);
  const { asOf, data, nextCursor } = await asOfRepo.stockAsOf(db, q);
  const asked = q.asOf === undefined ? Date.now() : Math.min(Date.parse(q.asOf), Date.now());
  return {
    asOf: (asOf ?? new Date(asked)).toISOString(),
    data,
    page: { limit: q.limit, nextCursor },
  };
}
