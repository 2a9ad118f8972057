import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** POST /api/v1/auth/password-reset → 202 with the same message whether or not the account exists. */
export function requestPasswordReset(email: string): Promise<{ message: string }> {
  return apiRequest<{ message: string }>('/v1/auth/password-reset', {
    method: 'POST',
    body: { email },
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

/** POST /api/v1/auth/set-password → 204; 400 ACCOUNT_LINK_INVALID for a used or expired link. */
export function setPasswordWithLink(input: { token: string; password: string }): Promise<void> {
  return apiRequest<void>('/v1/auth/set-password', { method: 'POST', body: input });
}

export function useSetPasswordWithLink() {
  return useMutation({ mutationFn: setPasswordWithLink });
}
