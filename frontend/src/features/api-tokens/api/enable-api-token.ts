import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { ApiToken } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';

/**
 * POST /api/v1/api-tokens/:id/enable → the token. A token disabled when its user was
 * deactivated works again; 409 while the user is still deactivated.
 */
export function enableApiToken(id: number): Promise<ApiToken> {
  return apiRequest<ApiToken>(`/v1/api-tokens/${id}/enable`, { method: 'POST' });
}

export function useEnableApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [accountRoots.apiTokens] }),
  });
}
