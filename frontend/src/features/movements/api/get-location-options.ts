import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { LocationTreeNode } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';

/** GET /api/v1/locations/tree?archived=active — depth-first, so a select can indent by depth. */
export function getLocationOptions(signal?: AbortSignal): Promise<{ data: LocationTreeNode[] }> {
  return apiRequest<{ data: LocationTreeNode[] }>('/v1/locations/tree?archived=active', {
    signal,
  });
}

export const locationOptionsQueryOptions = queryOptions({
  queryKey: [queryRoots.locations, 'tree', 'active'],
  queryFn: ({ signal }) => getLocationOptions(signal),
});

export function useLocationOptions() {
  return useQuery({ ...locationOptionsQueryOptions, select: (body) => body.data });
}
