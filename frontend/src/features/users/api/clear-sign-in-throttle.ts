import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { SignInThrottleCleared } from '@/lib/api-types';

/** POST /api/v1/users/:id/sign-in-throttle/clear → how many failed sign-ins were forgotten. */
export function clearSignInThrottle(id: number): Promise<SignInThrottleCleared> {
  return apiRequest<SignInThrottleCleared>(`/v1/users/${id}/sign-in-throttle/clear`, {
    method: 'POST',
  });
}

export function useClearSignInThrottle(id: number) {
  return useMutation({ mutationFn: () => clearSignInThrottle(id) });
}
