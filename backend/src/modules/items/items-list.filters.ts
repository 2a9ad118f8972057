import type { Knex } from 'knex';
import { isLowStockSql } from '../../lib/low-stock';
import { likeContains } from '../../lib/sql';
import { searchTokens } from './items-list.keyset';
import type { ListItemsFilter } from './items.schemas';

// The items list's filters, read by knex's builder (items-list.repository.ts `filtered`) and by
// the search's written-out SQL (items-search.repository.ts) alike, so the two cannot drift.

const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|-]/g, (c) => `\\${c}`);

/** One condition of the list's filters, knex-style: `?` for each value. */
export interface Condition {
  sql: string;
  values: Knex.RawBinding[];
}

/**
 * The list's filters as conditions on `items`: `rows` (archived, category, low stock) and the
 * search's `words`, apart because a search's exact and prefix ranks imply the words
 * (items-search.repository.ts). Knex's builder (filtered) and the search's SQL both read these.
 */
export function itemConditions(query: ListItemsFilter): { rows: Condition[]; words: Condition[] } {
  const rows: Condition[] = [];
  if (query.archived === 'active') rows.push({ sql: 'items.archived_at is null', values: [] });
  if (query.archived === 'archived')
    rows.push({ sql: 'items.archived_at is not null', values: [] });
  if (query.category) rows.push({ sql: 'items.category = ?', values: [query.category] });
  if (query.lowStock) rows.push({ sql: isLowStockSql('items'), values: [] });
  // Every word, in any order, in SKU, name or barcode (the trigram index on search_text). A word
  // of one or two characters ("L", "M8") has no trigram and as a substring matches nearly
  // everything ("l" is in "vinyl"): it must start a word instead.
  const words = (query.q ? searchTokens(query.q) : []).map((token) =>
    token.length >= 3
      ? { sql: 'items.search_text like ?', values: [likeContains(token)] }
      : { sql: 'items.search_text ~ ?', values: [`(^|[^[:alnum:]])${escapeRegex(token)}`] },
  );
  return { rows, words };
}
