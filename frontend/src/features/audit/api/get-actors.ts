import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { User } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';

/** GET /api/v1/users — the people an audit entry can be filtered by. */
export function getActors(signal?: AbortSignal): Promise<{ data: User[] }> {
  return apiRequest<{ data: User[] }>('/v1/users', { signal });
}

export const actorsQueryOptions = queryOptions({
  queryKey: [accountRoots.users, 'list'],
  queryFn: ({ signal }) => getActors(signal),
});

export function useActors() {
  return useQuery({ ...actorsQueryOptions, select: (body) => body.data });
}
