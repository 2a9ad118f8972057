import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { forgetEverythingButSession, meQueryKey } from '@/lib/query-keys';

/** POST /api/v1/auth/logout → 204; the cookie is cleared. */
export function signOut(): Promise<void> {
  return apiRequest<void>('/v1/auth/logout', { method: 'POST' });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      // Drop everything the signed-out user could see, then say nobody is signed in.
      forgetEverythingButSession(queryClient);
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
