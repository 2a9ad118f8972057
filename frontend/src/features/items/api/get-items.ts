import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { ArchivedFilter, Item, ItemSort, KeysetList, SortOrder } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { toQueryString } from '@/lib/query-string';

export interface ItemsQuery {
  q: string;
  archived: ArchivedFilter;
  category: string;
  /** Only items at or below their reorder point. */
  lowStock: boolean;
  sort: ItemSort;
  order: SortOrder;
  limit: number;
  /** page.nextCursor / prevCursor of the page before; empty for the first page. */
  cursor: string;
}

/** GET /api/v1/items */
export function getItems(query: ItemsQuery, signal?: AbortSignal): Promise<KeysetList<Item>> {
  const { lowStock, ...rest } = query;
  return apiRequest<KeysetList<Item>>(
    `/v1/items${toQueryString({ ...rest, lowStock: lowStock ? 'true' : null })}`,
    { signal },
  );
}

export function itemsQueryOptions(query: ItemsQuery) {
  return queryOptions({
    queryKey: [queryRoots.items, 'list', query],
    queryFn: ({ signal }) => getItems(query, signal),
    // Keep the last page on screen while the next search runs, instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
}

export function useItems(query: ItemsQuery) {
  return useQuery(itemsQueryOptions(query));
}
