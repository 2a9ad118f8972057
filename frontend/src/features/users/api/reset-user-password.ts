import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** POST /api/v1/users/:id/password → 204; ends that user's sessions. */
export function resetUserPassword(id: number, newPassword: string): Promise<void> {
  return apiRequest<void>(`/v1/users/${id}/password`, { method: 'POST', body: { newPassword } });
}

export function useResetUserPassword(id: number) {
  return useMutation({ mutationFn: (newPassword: string) => resetUserPassword(id, newPassword) });
}
