import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiRequest } from '@/lib/api-client';
import { forgetEverythingButSession, meQueryKey } from '@/lib/query-keys';

/** POST /api/v1/auth/logout → 204; the cookie is cleared. */
export function signOut(): Promise<void> {
  return apiRequest<void>('/v1/auth/logout', { method: 'POST' });
}

/**
 * Sign out with its pending state and error. Plain state, not useMutation: TanStack Query's
 * mutation observer is ~1 kB of every page's first load, and no other part of the shell
 * uses it (decision 0019).
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (): Promise<boolean> => {
    setPending(true);
    setError(null);
    try {
      await signOut();
      // Drop everything the signed-out user could see, then say nobody is signed in.
      forgetEverythingButSession(queryClient);
      queryClient.setQueryData(meQueryKey, null);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setPending(false);
    }
  };
  return { run, isPending, error };
}
