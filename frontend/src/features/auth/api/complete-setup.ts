import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Me, User } from '@/lib/api-types';
import { forgetEverythingButSession, meQueryKey } from '@/lib/query-keys';

export interface SetupInput {
  setupToken: string;
  email: string;
  name: string;
  password: string;
}

/**
 * POST /api/v1/auth/setup → 201 `{ user }` (the first admin) and a session cookie.
 * 409 SETUP_DONE once any user exists; 403 SETUP_TOKEN_INVALID.
 */
export function completeSetup(input: SetupInput): Promise<{ user: User }> {
  return apiRequest<{ user: User }>('/v1/auth/setup', { method: 'POST', body: input });
}

export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeSetup,
    onSuccess: ({ user }) => {
      forgetEverythingButSession(queryClient);
      const me: Me = { user, session: null, via: 'session' };
      queryClient.setQueryData(meQueryKey, me);
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
