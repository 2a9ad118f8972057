import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** POST /api/v1/auth/password → 204; every other session of this user ends. */
export function changePassword(input: ChangePasswordInput): Promise<void> {
  return apiRequest<void>('/v1/auth/password', { method: 'POST', body: input });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
