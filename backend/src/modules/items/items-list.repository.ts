import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { COUNT_CAP, keysetPage } from '../../lib/keyset';
import { isLowStockSql } from '../../lib/low-stock';
import { likeContains } from '../../lib/sql';
import { selectItems, toItem, type ItemRow } from './items.repository';
import { itemsKeyset, searchTokens } from './items-list.keyset';
import type { ListItemsFilter, ListItemsQuery } from './items.schemas';

// The items list: filters, search and keyset pagination in every sort the UI offers.

const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|-]/g, (c) => `\\${c}`);

export function filtered(qb: Knex.QueryBuilder, query: ListItemsFilter): Knex.QueryBuilder {
  if (query.archived === 'active') void qb.whereNull('items.archived_at');
  if (query.archived === 'archived') void qb.whereNotNull('items.archived_at');
  if (query.category) void qb.where('items.category', query.category);
  if (query.lowStock) void qb.whereRaw(isLowStockSql('items'));
  // Every word, in any order, in SKU, name or barcode (the trigram index on search_text). A word
  // of one or two characters ("L", "M8") has no trigram and as a substring matches nearly
  // everything ("l" is in "vinyl"): it must start a word instead.
  for (const token of query.q ? searchTokens(query.q) : []) {
    if (token.length >= 3) void qb.where('items.search_text', 'like', likeContains(token));
    else void qb.whereRaw('items.search_text ~ ?', [`(^|[^[:alnum:]])${escapeRegex(token)}`]);
  }
  return qb;
}

/** The page's select: the sort by shortfall orders by item_totals' column (every item has a row). */
function rows(db: DbOrTrx, query: ListItemsFilter): Knex.QueryBuilder {
  const select = selectItems(db);
  if (query.sort === 'shortfall') void select.join('item_totals as tot', 'tot.item_id', 'items.id');
  return filtered(select, query);
}

/**
 * A search counts its matches exactly up to 100 (twice the page when pages are larger), then
 * says "more than 100" (decision 0022, "Amended"): past that a user refines the words rather
 * than pages on, and counting to 1,000 built a trigram bitmap over every match, about a third
 * of a search's database time.
 */
export const SEARCH_COUNT_CAP = 100;
const searchCountCap = (limit: number) => Math.max(SEARCH_COUNT_CAP, 2 * limit);

export async function list(db: DbOrTrx, query: ListItemsQuery) {
  // The count is read in the page's statement. A search's first page reads it on its own, and
  // only when there is a page after: a page that holds every match is its own exact count
  // (keysetPage), and a scanner's SKU or barcode lookup is such a page.
  const page = await keysetPage<ItemRow>(db, rows(db, query), itemsKeyset(query), query, {
    filtered: filtered(db('items'), query),
    cap: query.q ? searchCountCap(query.limit) : COUNT_CAP,
    dear: query.q !== undefined,
  });
  return {
    rows: page.rows.map(toItem),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    count: page.count.count,
    countExact: page.count.countExact,
  };
}

/** The first `limit` items the list shows with these filters, in its order (labels). */
export async function listUpTo(db: DbOrTrx, filter: ListItemsFilter, limit: number) {
  const page = await keysetPage<ItemRow>(db, rows(db, filter), itemsKeyset(filter), {
    limit,
    offset: 0,
  });
  return { rows: page.rows.map(toItem), more: page.nextCursor !== null };
}

/** Exactly how many items match these filters (only where a number must be told). */
export async function countMatching(db: DbOrTrx, filter: ListItemsFilter): Promise<number> {
  const row = (await db
    .from(filtered(db('items'), filter).select(db.raw('1')).as('matches'))
    .count<{ n: string }[]>({ n: '*' })
    .first()) as { n: string } | undefined;
  return Number(row?.n ?? 0);
}
