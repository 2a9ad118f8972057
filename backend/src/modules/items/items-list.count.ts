import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { COUNT_SQL } from './items-counts.repository';
import { itemConditions } from './items-list.filters';
import type { ListItemsFilter } from './items.schemas';

// The unfiltered list's count (every sort, first page or deep) is read from the stored
// figures (items-counts.repository.ts) instead of counting up to 1,001 index entries per
// request (issue 12, decision 0016 amended).

/**
 * The stored count's subquery when the list filters by nothing but the archived state, else
 * undefined (the caller counts the filtered rows). Decided from the conditions the list applies,
 * so a filter added later is counted the slow, right way until it is named here.
 */
export function storedCount(db: DbOrTrx, query: ListItemsFilter): Knex.Raw | undefined {
  const { rows, words } = itemConditions(query);
  // The conditions of a list that names only its archived state (every other filter unset).
  const stateOnly = itemConditions({ archived: query.archived } as ListItemsFilter).rows;
  if (words.length > 0 || rows.length !== stateOnly.length) return undefined;
  return db.raw(COUNT_SQL[query.archived]);
}
