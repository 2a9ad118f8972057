import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { ItemStock } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';

/**
 * GET /api/v1/items/:id/stock — where the item is, and how much. The same request and cache
 * key as the item page's, so a movement (which invalidates the items root) refreshes both.
 */
export function stockByLocationQueryOptions(itemId: number) {
  return queryOptions({
    queryKey: [queryRoots.items, 'detail', itemId, 'stock'],
    queryFn: ({ signal }) => apiRequest<ItemStock>(`/v1/items/${itemId}/stock`, { signal }),
  });
}

export function useStockByLocation(itemId: number | null) {
  return useQuery({ ...stockByLocationQueryOptions(itemId ?? 0), enabled: itemId !== null });
}
