import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { CursorList, Movement, MovementFilters } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { toQueryString } from '@/lib/query-string';

const PAGE_SIZE = 50;

/** GET /api/v1/movements — newest first, cursor-paginated. */
export function getMovements(
  filters: MovementFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CursorList<Movement>> {
  return apiRequest<CursorList<Movement>>(
    `/v1/movements${toQueryString({ ...filters, limit: PAGE_SIZE, cursor })}`,
    { signal },
  );
}

export function movementsQueryOptions(filters: MovementFilters, enabled = true) {
  return infiniteQueryOptions({
    queryKey: [queryRoots.movements, 'list', filters],
    queryFn: ({ pageParam, signal }) => getMovements(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.page.nextCursor,
    enabled,
  });
}

export function useMovements(filters: MovementFilters, enabled = true) {
  return useInfiniteQuery(movementsQueryOptions(filters, enabled));
}
