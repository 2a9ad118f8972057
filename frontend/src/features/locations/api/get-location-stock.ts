import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { LocationStockLine, KeysetList } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { toQueryString } from '@/lib/query-string';

export interface LocationStockQuery {
  limit: number;
  /** page.nextCursor / prevCursor of the page before; empty for the first page. */
  cursor: string;
}

/** GET /api/v1/locations/:id/stock — what is stocked at one location. */
export function getLocationStock(
  id: number,
  query: LocationStockQuery,
  signal?: AbortSignal,
): Promise<KeysetList<LocationStockLine>> {
  return apiRequest<KeysetList<LocationStockLine>>(
    `/v1/locations/${id}/stock${toQueryString({ limit: query.limit, cursor: query.cursor || null })}`,
    { signal },
  );
}

export function useLocationStock(id: number, query: LocationStockQuery) {
  return useQuery(
    queryOptions({
      queryKey: [queryRoots.locations, 'detail', id, 'stock', query],
      queryFn: ({ signal }) => getLocationStock(id, query, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
