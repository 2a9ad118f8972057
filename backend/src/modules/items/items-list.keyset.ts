import type { KeysetSpec, SortKey } from '../../lib/keyset';

// The items list's sort orders as keyset keys (kept apart from the repository so the query
// schema can check that a cursor belongs to the sort it is sent with).

/** Search words beyond this many are ignored (each one is a trigram lookup). */
const MAX_TOKENS = 8;

export const searchTokens = (q: string) =>
  q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_TOKENS);

/**
 * A search's rank as the cursor's first key: 0 exact SKU, 1 exact barcode, 2 starts with the
 * text, 3 every word somewhere (items-search.repository.ts reads the ranks; this `sql` is not run).
 */
const RANK: SortKey = { sql: 'rank', type: 'int', dir: 'asc' };

const id = (dir: 'asc' | 'desc'): SortKey => ({ sql: 'items.id', type: 'bigint', dir });

export const ITEM_SORTS = ['sku', 'name', 'createdAt', 'updatedAt', 'shortfall'] as const;
type ItemSort = (typeof ITEM_SORTS)[number];

function sortKeys(sort: ItemSort, dir: 'asc' | 'desc', lowStock: boolean): SortKey[] {
  switch (sort) {
    case 'sku':
      return [{ sql: 'lower(items.sku)', type: 'text', dir }, id(dir)];
    case 'name':
      return [{ sql: 'lower(items.name)', type: 'text', dir }, id(dir)];
    case 'createdAt':
      return [{ sql: 'items.created_at', type: 'timestamptz', dir }, id(dir)];
    case 'updatedAt':
      return [{ sql: 'items.updated_at', type: 'timestamptz', dir }, id(dir)];
    case 'shortfall':
      // item_totals' generated column (the list joins it as `tot`); items without a reorder point
      // come last either way: a number past every real one, read apart as the key's tie. The
      // other items are read by the index's expression (item_totals_shortfall), forwards for
      // largest first, backwards for smallest first, so a first page reads about 51 entries.
      // A low item has a reorder point, so the low-stock filter leaves the tie empty: read
      // without it, no term is planned that PostgreSQL cannot tell is empty (with stale
      // statistics it could walk every item by SKU to find none).
      return [
        {
          sql: `coalesce(tot.shortfall, ${dir === 'asc' ? '1e15' : '-1e15'})`,
          type: 'numeric',
          dir,
          table: 'item_totals',
          tie: lowStock
            ? undefined
            : {
                at: 'end',
                value: dir === 'asc' ? '1e15' : '-1e15',
                is: 'tot.shortfall is null',
                isNot: 'coalesce(tot.shortfall, -1e15) > -1e15',
                order: 'coalesce(tot.shortfall, -1e15)',
              },
        },
        // Equal shortfalls read best by SKU.
        { sql: 'lower(items.sku)', type: 'text', dir: 'asc' },
        id('asc'),
      ];
  }
}

export function itemsKeyset(query: {
  sort: ItemSort;
  order: 'asc' | 'desc';
  q?: string;
  lowStock?: boolean;
}): KeysetSpec {
  const keys = sortKeys(query.sort, query.order, query.lowStock === true);
  return {
    shape: `items.${query.sort}.${query.order}${query.q ? '.q' : ''}`,
    keys: query.q ? [RANK, ...keys] : keys,
  };
}
