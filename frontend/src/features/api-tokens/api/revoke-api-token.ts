import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { accountRoots } from '@/lib/query-keys';

/** DELETE /api/v1/api-tokens/:id → 204; the token stops working at once. */
export function revokeApiToken(id: number): Promise<void> {
  return apiRequest<void>(`/v1/api-tokens/${id}`, { method: 'DELETE' });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [accountRoots.apiTokens] }),
  });
}
