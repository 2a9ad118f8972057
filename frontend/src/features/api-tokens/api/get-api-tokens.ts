import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountRoots } from '../../../lib/query-keys';

// Declared by hand from docs/api/accounts-contract.md until openapi.json has it.
export type ApiTokenScope = 'read' | 'write';
export interface ApiToken {
  id: number;
  name: string;
  scope: ApiTokenScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: { id: number; name: string };
}

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
