import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { accountRoots } from '@/lib/query-keys';

export interface SetupStatus {
  needsSetup: boolean;
}

/** GET /api/v1/auth/setup (public) — true while no user exists yet. */
export function getSetupStatus(signal?: AbortSignal): Promise<SetupStatus> {
  return apiRequest<SetupStatus>('/v1/auth/setup', { signal });
}

export const setupStatusQueryOptions = queryOptions({
  queryKey: [accountRoots.auth, 'setup'],
  queryFn: ({ signal }) => getSetupStatus(signal),
  staleTime: 0,
});

export function useSetupStatus(enabled = true) {
  return useQuery({ ...setupStatusQueryOptions, enabled });
}
