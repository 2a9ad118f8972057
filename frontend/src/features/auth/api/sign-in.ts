import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Me, User } from '@/lib/api-types';
import { forgetEverythingButSession, meQueryKey } from '@/lib/query-keys';

export interface SignInInput {
  email: string;
  password: string;
}

/**
 * POST /api/v1/auth/login → 200 `{ user }` and the session cookie. 401 INVALID_CREDENTIALS;
 * 429 TOO_MANY_ATTEMPTS with Retry-After.
 */
export function signIn(input: SignInInput): Promise<{ user: User }> {
  return apiRequest<{ user: User }>('/v1/auth/login', { method: 'POST', body: input });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: ({ user }) => {
      // Nothing cached for a previous user may leak into this session.
      forgetEverythingButSession(queryClient);
      const me: Me = { user, session: null, via: 'session' };
      queryClient.setQueryData(meQueryKey, me);
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
