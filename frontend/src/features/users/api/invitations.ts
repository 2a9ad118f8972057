import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { PendingInvitation } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';

const pendingKey = [accountRoots.users, 'invitations'] as const;

/** GET /api/v1/users/invitations → invitations not accepted yet, expired ones too. */
export function usePendingInvitations() {
  return useQuery({
    queryKey: pendingKey,
    queryFn: ({ signal }) =>
      apiRequest<{ data: PendingInvitation[] }>('/v1/users/invitations', { signal }),
    select: (body) => new Map(body.data.map((i) => [i.userId, i])),
  });
}

/** POST /api/v1/users/:id/invitation → a new link by email; the previous one stops working. */
export function useResendInvitation(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<PendingInvitation>(`/v1/users/${userId}/invitation`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pendingKey }),
  });
}
