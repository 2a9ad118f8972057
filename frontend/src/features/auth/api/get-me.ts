import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { ApiError } from '@/lib/api-errors';
import type { Me } from '@/lib/api-types';
import { meQueryKey } from '@/lib/query-keys';

/** GET /api/v1/auth/me → who is signed in, or `null` when the server says nobody (401). */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiRequest<Me>('/v1/auth/me', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: ({ signal }) => getMe(signal),
  // Refetched on focus (the default), so a session that expired while away is noticed.
  staleTime: 60_000,
});

/** The source of truth for who is signed in and their role. */
export function useMe() {
  return useQuery(meQueryOptions);
}
