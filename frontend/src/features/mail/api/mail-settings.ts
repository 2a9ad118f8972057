import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { MailOutbox, MailSettings, MailSettingsInput } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';

export const mailSettingsKey = [accountRoots.mail, 'settings'] as const;

/** GET /api/v1/mail/settings (admin): what is in force, from where; never the password. */
export function useMailSettings() {
  return useQuery({
    queryKey: mailSettingsKey,
    queryFn: () => apiRequest<MailSettings>('/v1/mail/settings'),
  });
}

/** PUT /api/v1/mail/settings; 409 MAIL_SETTINGS_FROM_ENVIRONMENT when SMTP_HOST is set. */
export function useUpdateMailSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MailSettingsInput) =>
      apiRequest<MailSettings>('/v1/mail/settings', { method: 'PUT', body: input }),
    onSuccess: (settings) => {
      queryClient.setQueryData(mailSettingsKey, settings);
      // Saving makes waiting mail due again: its list is worth reading afresh.
      void queryClient.invalidateQueries({ queryKey: [accountRoots.mail, 'outbox'] });
    },
  });
}

/** DELETE /api/v1/mail/settings: email off. */
export function useClearMailSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/v1/mail/settings', { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [accountRoots.mail] }),
  });
}

/** POST /api/v1/mail/test: sends now; 502 MAIL_SEND_FAILED says why SMTP refused. */
export function useSendTestMail() {
  return useMutation({
    mutationFn: (to: string | undefined) =>
      apiRequest<{ to: string }>('/v1/mail/test', { method: 'POST', body: to ? { to } : {} }),
  });
}

/** GET /api/v1/mail/outbox (admin): mail not sent yet, with the reason of its last failure. */
export function useMailOutbox() {
  return useQuery({
    queryKey: [accountRoots.mail, 'outbox'],
    queryFn: ({ signal }) => apiRequest<MailOutbox>('/v1/mail/outbox', { signal }),
  });
}
