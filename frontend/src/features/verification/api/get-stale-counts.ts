import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { components } from '@/lib/api-schema.gen';
import type { LocationTreeNode } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { toQueryString } from '@/lib/query-string';

export type StaleCounts = components['schemas']['StaleCounts'];
export type StaleCountRow = StaleCounts['data'][number];

export interface StaleFilters {
  days: number;
  locationId?: number;
}

const PAGE_SIZE = 50;

/** GET /api/v1/verification/stale — stock not counted for N days, never-counted first. */
export function staleCountsQueryOptions(filters: StaleFilters) {
  return infiniteQueryOptions({
    queryKey: [queryRoots.stock, 'not-counted', filters],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<StaleCounts>(
        `/v1/verification/stale${toQueryString({ ...filters, limit: PAGE_SIZE, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.page.nextCursor,
  });
}

export function useStaleCounts(filters: StaleFilters) {
  return useInfiniteQuery(staleCountsQueryOptions(filters));
}

/** The location tree, for the "Where" filter (active locations, depth-first). */
export function useLocationChoices() {
  return useQuery({
    ...queryOptions({
      queryKey: [queryRoots.locations, 'tree', 'active'],
      queryFn: ({ signal }) =>
        apiRequest<{ data: LocationTreeNode[] }>('/v1/locations/tree?archived=active', { signal }),
    }),
    select: (body) => body.data,
  });
}
