import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { UserName } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';

/**
 * GET /api/v1/user-names — ids and names only, readable by every role (the full user list
 * is admin-only), for the movement list's "Recorded by" filter.
 */
export function getUserNames(signal?: AbortSignal): Promise<{ data: UserName[] }> {
  return apiRequest<{ data: UserName[] }>('/v1/user-names', { signal });
}

export const userNamesQueryOptions = queryOptions({
  queryKey: [accountRoots.users, 'names'],
  queryFn: ({ signal }) => getUserNames(signal),
  staleTime: 5 * 60_000,
});

export function useUserNames() {
  return useQuery({ ...userNamesQueryOptions, select: (body) => body.data });
}
