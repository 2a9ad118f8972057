import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { StockAsOf } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { toQueryString } from '@/lib/query-string';

export interface StockAsOfQuery {
  asOf: string;
  itemId?: number;
  locationId?: number;
  subtree?: boolean;
}

/** GET /api/v1/stock — stock per item and location as of a moment, from the ledger. */
export function getStockAsOf(
  query: StockAsOfQuery,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<StockAsOf> {
  const params = toQueryString({
    asOf: query.asOf,
    itemId: query.itemId ?? null,
    locationId: query.locationId ?? null,
    subtree: query.subtree ? 'true' : null,
    limit: 200,
    cursor,
  });
  return apiRequest<StockAsOf>(`/v1/stock${params}`, { signal });
}

/** Pages of the as-of list, one more each time the reader asks for more. */
export function useStockAsOf(query: StockAsOfQuery) {
  return useInfiniteQuery({
    queryKey: [queryRoots.stock, 'as-of', query],
    queryFn: ({ pageParam, signal }) => getStockAsOf(query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.nextCursor,
  });
}
