import type { QueryClient } from '@tanstack/react-query';
import type { ArchivedFilter, ItemSort, LabelSource, SortOrder } from '@/lib/api-types';
import { itemsQueryOptions, type ItemsQuery } from './get-items';

// The items list's state lives in its URL (?q=&archived=&category=&lowStock=&sort=&cursor=), so a
// reload, a shared link and the first-load prefetch all ask for the same page.

export const PAGE_SIZE = 50;

export const SORTS: Record<string, { label: string; sort: ItemSort; order: SortOrder }> = {
  sku: { label: 'SKU (A–Z)', sort: 'sku', order: 'asc' },
  name: { label: 'Name (A–Z)', sort: 'name', order: 'asc' },
  updated: { label: 'Recently updated', sort: 'updatedAt', order: 'desc' },
  shortfall: { label: 'Shortfall (largest first)', sort: 'shortfall', order: 'desc' },
};

export const ARCHIVED: Record<ArchivedFilter, string> = {
  active: 'Active',
  archived: 'Archived',
  all: 'All',
};

/** The list query a URL's search parameters ask for; anything unknown falls back. */
export function readItemsQuery(params: URLSearchParams): ItemsQuery & { sortKey: string } {
  const sortKey = params.get('sort') ?? 'sku';
  const sort = SORTS[sortKey] ?? SORTS.sku!;
  const archived = params.get('archived') as ArchivedFilter | null;
  return {
    q: params.get('q') ?? '',
    archived: archived && archived in ARCHIVED ? archived : 'active',
    category: params.get('category') ?? '',
    lowStock: params.get('lowStock') === '1',
    sort: sort.sort,
    order: sort.order,
    sortKey: SORTS[sortKey] ? sortKey : 'sku',
    limit: PAGE_SIZE,
    // Opaque to us: the API checks it (a stale or edited one is a 400 with a way back).
    cursor: params.get('cursor') ?? '',
  };
}

/**
 * Starts loading the list for a page opened at /items?…, alongside the session check instead
 * of after it (the page itself only renders once the session is known).
 */
export function prefetchItemsPage(queryClient: QueryClient, search: string): Promise<void> {
  const { sortKey: _sortKey, ...query } = readItemsQuery(new URLSearchParams(search));
  return queryClient.prefetchQuery(itemsQueryOptions(query));
}

/** "Print labels" on the list: every item these filters match, not just this page. */
export function labelSourceOf(query: ItemsQuery): LabelSource {
  return {
    kind: 'itemFilter',
    filter: {
      q: query.q,
      archived: query.archived,
      category: query.category,
      lowStock: query.lowStock ? 'true' : 'false',
      sort: query.sort,
      order: query.order,
    },
  };
}
