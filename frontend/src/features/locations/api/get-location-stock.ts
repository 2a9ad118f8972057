import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { LocationStockLine, OffsetList } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { toQueryString } from '@/lib/query-string';

export interface LocationStockQuery {
  limit: number;
  offset: number;
}

/** GET /api/v1/locations/:id/stock — what is stocked at one location. */
export function getLocationStock(
  id: number,
  query: LocationStockQuery,
  signal?: AbortSignal,
): Promise<OffsetList<LocationStockLine>> {
  return apiRequest<OffsetList<LocationStockLine>>(
    `/v1/locations/${id}/stock${toQueryString({ ...query })}`,
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
