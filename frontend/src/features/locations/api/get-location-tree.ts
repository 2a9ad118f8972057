import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { LocationTreeNode } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';

export type TreeArchivedFilter = 'active' | 'all';

/** GET /api/v1/locations/tree — depth-first (siblings by code) with item counts and totals. */
export function getLocationTree(
  archived: TreeArchivedFilter,
  signal?: AbortSignal,
): Promise<{ data: LocationTreeNode[] }> {
  return apiRequest<{ data: LocationTreeNode[] }>(`/v1/locations/tree?archived=${archived}`, {
    signal,
  });
}

export function locationTreeQueryOptions(archived: TreeArchivedFilter) {
  return queryOptions({
    queryKey: [queryRoots.locations, 'tree', archived],
    queryFn: ({ signal }) => getLocationTree(archived, signal),
  });
}

export function useLocationTree(archived: TreeArchivedFilter) {
  return useQuery({ ...locationTreeQueryOptions(archived), select: (body) => body.data });
}
