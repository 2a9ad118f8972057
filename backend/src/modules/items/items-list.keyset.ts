import type { KeysetSpec, SortKey } from '../../lib/keyset';
import type { KeysetPart } from '../../lib/keyset-parts';
import { likeContains } from '../../lib/sql';

// The items list's sort orders as keyset keys (kept apart from the repository so the query
// schema can check that a cursor belongs to the sort it is sent with).

/** Search words beyond this many are ignored (each one is a trigram lookup). */
const MAX_TOKENS = 8;

export const searchTokens = (q: string) =>
  q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_TOKENS);

const escapeLike = (text: string) => likeContains(text).slice(1);

/**
 * How well an item matches the search, as the parts a search page is read from
 * (lib/keyset-parts.ts): 0 exact SKU (any case), 1 exact barcode, 2 SKU, name or barcode starts
 * with the text, 3 every word found somewhere. Each is a condition the one before excludes; a
 * missing barcode never matches (the old `(sku = q or barcode = q) desc` was NULL without a
 * barcode and sorted ahead of every match). 0–2 are index lookups (the SKU and barcode keys,
 * the `text_pattern_ops` prefix indexes), 3 is the list's own order with the words as filters.
 */
function searchParts(q: string): KeysetPart[] {
  const prefix = escapeLike(q.toLowerCase());
  // Each branch of the OR is an index range (the text_pattern_ops indexes); inside `not`, a
  // missing barcode's NULL must count as "does not start with it", or the row would vanish.
  const startsWith = `(lower(items.sku) like ? or lower(items.name) like ? or lower(items.barcode) like ?)`;
  const startsWithNotNull = `(lower(items.sku) like ? or lower(items.name) like ?
    or coalesce(lower(items.barcode) like ?, false))`;
  return [
    { sql: 'lower(items.sku) = lower(?)', bindings: [q] },
    { sql: 'items.barcode = ? and lower(items.sku) <> lower(?)', bindings: [q, q] },
    {
      sql: `${startsWith} and lower(items.sku) <> lower(?) and items.barcode is distinct from ?`,
      bindings: [prefix, prefix, prefix, q, q],
    },
    // An exact SKU or barcode starts with the text too, so "not a prefix" excludes all three.
    { sql: `not ${startsWithNotNull}`, bindings: [prefix, prefix, prefix] },
  ];
}

/** The rank as the cursor's first key (its SQL is not run: each part knows its rank). */
const RANK: SortKey = { sql: 'rank', type: 'int', dir: 'asc' };

const id = (dir: 'asc' | 'desc'): SortKey => ({ sql: 'items.id', type: 'bigint', dir });

export const ITEM_SORTS = ['sku', 'name', 'createdAt', 'updatedAt', 'shortfall'] as const;
type ItemSort = (typeof ITEM_SORTS)[number];

function sortKeys(sort: ItemSort, dir: 'asc' | 'desc'): SortKey[] {
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
      // come last either way: a number past every real one. Largest first is the index's
      // expression exactly (item_totals_shortfall), so the first page reads 51 entries.
      return [
        {
          sql: `coalesce(tot.shortfall, ${dir === 'asc' ? '1e15' : '-1e15'})`,
          type: 'numeric',
          dir,
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
}): KeysetSpec {
  const keys = sortKeys(query.sort, query.order);
  return {
    shape: `items.${query.sort}.${query.order}${query.q ? '.q' : ''}`,
    ...(query.q ? { keys: [RANK, ...keys], parts: searchParts(query.q) } : { keys }),
  };
}
