import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Role, User } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';

export interface UserPatch {
  name?: string;
  role?: Role;
  active?: boolean;
}

/**
 * PATCH /api/v1/users/:id → User. Deactivating or demoting ends their sessions; 409 LAST_ADMIN
 * when no active admin would be left.
 */
export function updateUser(id: number, changes: UserPatch): Promise<User> {
  return apiRequest<User>(`/v1/users/${id}`, { method: 'PATCH', body: changes });
}

export function useUpdateUser(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UserPatch) => updateUser(id, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [accountRoots.users] }),
  });
}
