import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { StockSummary } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';

/** GET /api/v1/stock/summary */
export function getStockSummary(signal?: AbortSignal): Promise<StockSummary> {
  return apiRequest<StockSummary>('/v1/stock/summary', { signal });
}

export const stockSummaryQueryOptions = queryOptions({
  queryKey: [queryRoots.stock, 'summary'],
  queryFn: ({ signal }) => getStockSummary(signal),
});

export function useStockSummary() {
  return useQuery(stockSummaryQueryOptions);
}
