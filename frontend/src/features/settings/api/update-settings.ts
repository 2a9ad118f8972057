import { useMutation, useQueryClient } from '@tanstack/react-query';
import { settingsQueryKey } from '@/hooks/use-settings';
import { apiRequest } from '@/lib/api-client';
import type { Settings } from '@/lib/api-types';

/** PATCH /api/v1/settings (admin), partial → the whole Settings; effective immediately. */
export function updateSettings(changes: Partial<Settings>): Promise<Settings> {
  return apiRequest<Settings>('/v1/settings', { method: 'PATCH', body: changes });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    // The header, dashboard and item form read this same entry, so they update at once.
    onSuccess: (settings) => queryClient.setQueryData(settingsQueryKey, settings),
  });
}
