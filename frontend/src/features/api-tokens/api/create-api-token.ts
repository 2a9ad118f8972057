import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { accountRoots } from '@/lib/query-keys';
import type { ApiToken } from '@/lib/api-types';
import type { ApiTokenScope } from './get-api-tokens';

export interface CreatedApiToken {
  apiToken: ApiToken;
  /** The secret (`sr_…`): the only time the server hands it out. */
  token: string;
}

/** POST /api/v1/api-tokens → 201 `{ apiToken, token }`. */
export function createApiToken(input: {
  name: string;
  scope: ApiTokenScope;
}): Promise<CreatedApiToken> {
  return apiRequest<CreatedApiToken>('/v1/api-tokens', { method: 'POST', body: input });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [accountRoots.apiTokens] }),
  });
}
