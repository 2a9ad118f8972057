import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { ItemStock } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';

/** GET /api/v1/items/:id/stock — non-zero stock lines per location. */
export function getItemStock(id: number, signal?: AbortSignal): Promise<ItemStock> {
  return apiRequest<ItemStock>(`/v1/items/${id}/stock`, { signal });
}

export function itemStockQueryOptions(id: number) {
  return queryOptions({
    queryKey: [queryRoots.items, 'detail', id, 'stock'],
    queryFn: ({ signal }) => getItemStock(id, signal),
  });
}

export function useItemStock(id: number) {
  return useQuery(itemStockQueryOptions(id));
}
