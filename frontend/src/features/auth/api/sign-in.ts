import { useQueryClient } from '@tanstack/react-query';
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

/**
 * Signs in and sets the session. A plain async function, not useMutation: the sign-in form
 * tracks its own pending state, and TanStack Query's mutation observer would be ~1 kB more
 * of the first load of the page everyone opens cold (decision 0019).
 */
export function useSignIn(): (input: SignInInput) => Promise<void> {
  const queryClient = useQueryClient();
  return async (input) => {
    const { user } = await signIn(input);
    // Nothing cached for a previous user may leak into this session.
    forgetEverythingButSession(queryClient);
    const me: Me = { user, session: null, via: 'session' };
    queryClient.setQueryData(meQueryKey, me);
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };
}
