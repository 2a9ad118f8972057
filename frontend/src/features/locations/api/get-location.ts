import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Location } from '@/lib/api-types';
import { queryRoots } from '@/lib/query-keys';

/** GET /api/v1/locations/:id */
export function getLocation(id: number, signal?: AbortSignal): Promise<Location> {
  return apiRequest<Location>(`/v1/locations/${id}`, { signal });
}

export function locationQueryKey(id: number) {
  return [queryRoots.locations, 'detail', id] as const;
}

export function useLocation(id: number) {
  return useQuery(
    queryOptions({
      queryKey: locationQueryKey(id),
      queryFn: ({ signal }) => getLocation(id, signal),
    }),
  );
}
