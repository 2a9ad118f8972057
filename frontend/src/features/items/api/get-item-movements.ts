import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { CursorList, Movement } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';
import { toQueryString } from '@/lib/query-string';

const PAGE_SIZE = 20;

/** GET /api/v1/movements?itemId= — one item's history, newest first. */
export function getItemMovements(
  itemId: number,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CursorList<Movement>> {
  return apiRequest<CursorList<Movement>>(
    `/v1/movements${toQueryString({ itemId, limit: PAGE_SIZE, cursor })}`,
    { signal },
  );
}

export function itemMovementsQueryOptions(itemId: number) {
  return infiniteQueryOptions({
    queryKey: [queryRoots.movements, 'item', itemId],
    queryFn: ({ pageParam, signal }) => getItemMovements(itemId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.page.nextCursor,
  });
}

export function useItemMovements(itemId: number) {
  return useInfiniteQuery(itemMovementsQueryOptions(itemId));
}
