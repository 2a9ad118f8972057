import type { KeysetSpec, SortKey } from '../../lib/keyset';
import { shortfallSql } from '../../lib/low-stock';
import { likeContains } from '../../lib/sql';

// The items list's sort orders as keyset keys (kept apart from the repository so the query
// schema can check that a cursor belongs to the sort it is sent with).

/** Search words beyond this many are ignored (each one is a trigram lookup). */
const MAX_TOKENS = 8;

export const searchTokens = (q: string) =>
  q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_TOKENS);

const escapeLike = (text: string) => likeContains(text).slice(1);

/**
 * How well an item matches the search: 0 exact SKU (any case), 1 exact barcode, 2 SKU, name or
 * barcode starts with it, 3 every word found somewhere. A CASE, not `a = b or c = d`, so an item
 * without a barcode gets a rank instead of NULL (which sorted ahead of every match).
 */
function rankKey(q: string): SortKey {
  const prefix = escapeLike(q.toLowerCase());
  return {
    sql: `case when lower(items.sku) = lower(?) then 0
      when items.barcode = ? then 1
      when lower(items.sku) like ? or lower(items.name) like ? or lower(items.barcode) like ? then 2
      else 3 end`,
    bindings: [q, q, prefix, prefix, prefix],
    type: 'int',
    dir: 'asc',
  };
}

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
      // Items without a reorder point come last either way: a number past every real one.
      return [
        {
          sql: `coalesce(${shortfallSql('items')}, ${dir === 'asc' ? '1e15' : '-1e15'})`,
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
    keys: query.q ? [rankKey(query.q), ...keys] : keys,
  };
}
