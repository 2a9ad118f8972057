import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { User } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';

/** GET /api/v1/users (admin) → every account, active or not. */
export function getUsers(signal?: AbortSignal): Promise<{ data: User[] }> {
  return apiRequest<{ data: User[] }>('/v1/users', { signal });
}

export const usersQueryOptions = queryOptions({
  queryKey: [accountRoots.users, 'list'],
  queryFn: ({ signal }) => getUsers(signal),
  select: (body) => body.data,
});

export function useUsers() {
  return useQuery(usersQueryOptions);
}
