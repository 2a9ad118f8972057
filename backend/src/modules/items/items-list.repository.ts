import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { COUNT_CAP, EXACT, keysetPage, keysetPageBy, type PageCount } from '../../lib/keyset';
import { storedCount } from './items-list.count';
import { selectListItems, toListItem, type ItemListRow } from './items-list.columns';
import { itemConditions } from './items-list.filters';
import { itemsKeyset } from './items-list.keyset';
import { searchRows } from './items-search.repository';
import type { ListItemsFilter, ListItemsQuery } from './items.schemas';

// The items list: filters, search and keyset pagination in every sort the UI offers.

export function filtered(qb: Knex.QueryBuilder, query: ListItemsFilter): Knex.QueryBuilder {
  const { rows, words } = itemConditions(query);
  for (const c of [...rows, ...words]) void qb.whereRaw(c.sql, c.values);
  return qb;
}

/**
 * The page's select. The sort by shortfall orders by item_totals' column (every item has a
 * row) and reads the total from the same join: the list's own total is a second lookup of
 * item_totals per row (204 of a first page's 494 buffer hits at 100,000 items).
 */
function rows(db: DbOrTrx, query: ListItemsFilter): Knex.QueryBuilder {
  if (query.sort !== 'shortfall') return filtered(selectListItems(db), query);
  const select = selectListItems(db, 'trim_scale(tot.on_hand) as on_hand');
  return filtered(select.join('item_totals as tot', 'tot.item_id', 'items.id'), query);
}

/**
 * A search counts its matches exactly up to 100 (twice the page when pages are larger), then
 * says "more than 100" (decision 0022, "Amended"): past that a user refines the words rather
 * than pages on, and counting to 1,000 built a trigram bitmap over every match, about a third
 * of a search's database time.
 */
export const SEARCH_COUNT_CAP = 100;
const searchCountCap = (limit: number) => Math.max(SEARCH_COUNT_CAP, 2 * limit);

/**
 * The list's count: when only the archived state filters it, the stored figure, exact at any
 * size (decision 0016, amended 2026-12-03 (2)); else the filtered rows counted to the cap.
 */
function pageCount(db: DbOrTrx, query: ListItemsFilter): PageCount {
  const stored = storedCount(db, query);
  return stored
    ? { stored, cap: EXACT }
    : { filtered: filtered(db('items'), query), cap: COUNT_CAP };
}

/** A page without search words; without filter values either, its statement is prepared. */
function unsearched(db: DbOrTrx, query: ListItemsQuery) {
  const count = pageCount(db, query);
  const spec = { ...itemsKeyset(query), preparable: count.stored !== undefined };
  return keysetPage<ItemListRow>(db, rows(db, query), spec, query, count);
}

export async function list(db: DbOrTrx, query: ListItemsQuery) {
  // The count is read in the page's statement, a search's only when it is not the page's own
  // length (items-search.repository.ts).
  const page = query.q
    ? await keysetPageBy<ItemListRow>(
        itemsKeyset(query),
        query,
        (keys, req, cap) => searchRows(db, { ...query, q: query.q! }, keys, req, cap),
        searchCountCap(query.limit),
      )
    : await unsearched(db, query);
  return {
    rows: page.rows.map(toListItem),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    count: page.count.count,
    countExact: page.count.countExact,
  };
}

/** The first `limit` items the list shows with these filters, in its order (labels). */
export async function listUpTo(db: DbOrTrx, filter: ListItemsFilter, limit: number) {
  const req = { limit, offset: 0 };
  const page = filter.q
    ? await keysetPageBy<ItemListRow>(itemsKeyset(filter), req, (keys, r) =>
        searchRows(db, { ...filter, q: filter.q! }, keys, r, undefined),
      )
    : await keysetPage<ItemListRow>(db, rows(db, filter), itemsKeyset(filter), req);
  return { rows: page.rows.map(toListItem), more: page.nextCursor !== null };
}

/** Exactly how many items match these filters (only where a number must be told). */
export async function countMatching(db: DbOrTrx, filter: ListItemsFilter): Promise<number> {
  const row = (await db
    .from(filtered(db('items'), filter).select(db.raw('1')).as('matches'))
    .count<{ n: string }[]>({ n: '*' })
    .first()) as { n: string } | undefined;
  return Number(row?.n ?? 0);
}
