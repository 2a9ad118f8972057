import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { ApiToken } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';

export type ApiTokenScope = ApiToken['scope'];

/** GET /api/v1/api-tokens (admin) — including revoked ones; never the secrets. */
export function getApiTokens(signal?: AbortSignal): Promise<{ data: ApiToken[] }> {
  return apiRequest<{ data: ApiToken[] }>('/v1/api-tokens', { signal });
}

export const apiTokensQueryOptions = queryOptions({
  queryKey: [accountRoots.apiTokens, 'list'],
  queryFn: ({ signal }) => getApiTokens(signal),
  select: (body) => body.data,
});

export function useApiTokens() {
  return useQuery(apiTokensQueryOptions);
}
