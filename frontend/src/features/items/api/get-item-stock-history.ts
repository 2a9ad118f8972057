import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { components } from '@/lib/api-schema.gen';
import { queryRoots } from '@/lib/query-keys';

export type StockHistory = components['schemas']['StockHistory'];

/** How many of the newest movements the item page draws. */
export const HISTORY_POINTS = 500;

/** GET /api/v1/items/:id/stock-history — stock after each of the newest movements. */
export function itemStockHistoryQueryOptions(id: number) {
  return queryOptions({
    // Under the item's key: a movement invalidates the items root, and this with it.
    queryKey: [queryRoots.items, 'detail', id, 'stock-history', HISTORY_POINTS],
    queryFn: ({ signal }) =>
      apiRequest<StockHistory>(`/v1/items/${id}/stock-history?limit=${HISTORY_POINTS}`, {
        signal,
      }),
  });
}

export function useItemStockHistory(id: number) {
  return useQuery(itemStockHistoryQueryOptions(id));
}
