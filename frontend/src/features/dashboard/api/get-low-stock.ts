import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { LowStockLine, OffsetList } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { toQueryString } from '@/lib/query-string';

/** How many low-stock lines the dashboard lists (it links to the rest). */
export const LOW_STOCK_SHOWN = 20;

/** GET /api/v1/stock/low — items at or below their reorder point, biggest shortfall first. */
export function getLowStock(
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<OffsetList<LowStockLine>> {
  return apiRequest<OffsetList<LowStockLine>>(`/v1/stock/low${toQueryString({ limit, offset })}`, {
    signal,
  });
}

export function lowStockQueryOptions(limit: number, offset: number) {
  return queryOptions({
    queryKey: [queryRoots.stock, 'low', { limit, offset }],
    queryFn: ({ signal }) => getLowStock(limit, offset, signal),
  });
}

export function useLowStock(limit: number, offset = 0) {
  return useQuery(lowStockQueryOptions(limit, offset));
}
