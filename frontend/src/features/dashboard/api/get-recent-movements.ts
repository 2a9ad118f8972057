import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { CursorList, Movement } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';

/** How many the dashboard shows. */
export const RECENT_MOVEMENTS = 10;

/** GET /api/v1/movements?limit=10 — the latest movements, newest first. */
export function getRecentMovements(signal?: AbortSignal): Promise<CursorList<Movement>> {
  return apiRequest<CursorList<Movement>>(`/v1/movements?limit=${RECENT_MOVEMENTS}`, { signal });
}

export const recentMovementsQueryOptions = queryOptions({
  queryKey: [queryRoots.movements, 'recent'],
  queryFn: ({ signal }) => getRecentMovements(signal),
});

export function useRecentMovements() {
  return useQuery(recentMovementsQueryOptions);
}
