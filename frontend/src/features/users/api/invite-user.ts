import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { InviteUserInput, MailSettings, User } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';

/** POST /api/v1/users/invitations → 201 User; they get an email to choose a password. */
export function inviteUser(input: InviteUserInput): Promise<User> {
  return apiRequest<User>('/v1/users/invitations', { method: 'POST', body: input });
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [accountRoots.users] }),
  });
}

/**
 * Whether email is on (invitations need it): undefined while asking, false if the answer
 * fails (the form then offers the password path, which always works). The same cache entry
 * as the Email page.
 */
export function useEmailEnabled(): boolean | undefined {
  const settings = useQuery({
    queryKey: [accountRoots.mail, 'settings'],
    queryFn: () => apiRequest<MailSettings>('/v1/mail/settings'),
  });
  return settings.isError ? false : settings.data?.enabled;
}
