import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { AlertPreferences, AlertPreferencesInput } from '@/lib/api-types';
import { accountRoots } from '@/lib/query-keys';

const key = [accountRoots.alerts, 'preferences'] as const;

/** GET /api/v1/account/alert-preferences: your choices, and whether email is on at all. */
export function useAlertPreferences() {
  return useQuery({
    queryKey: key,
    queryFn: () => apiRequest<AlertPreferences>('/v1/account/alert-preferences'),
  });
}

/** PATCH /api/v1/account/alert-preferences → the whole AlertPreferences. */
export function useUpdateAlertPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: AlertPreferencesInput) =>
      apiRequest<AlertPreferences>('/v1/account/alert-preferences', {
        method: 'PATCH',
        body: changes,
      }),
    onSuccess: (prefs) => queryClient.setQueryData(key, prefs),
  });
}
