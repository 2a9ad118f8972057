import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../lib/api-client';
import type { Settings } from '../lib/api-types';
import { accountRoots } from '../lib/query-keys';

// Read app-wide (header, dashboard, item form), so the fetcher is shared; the settings
// feature's PATCH writes its answer into this same cache entry.

/** GET /api/v1/settings (any identity). */
export function getSettings(signal?: AbortSignal): Promise<Settings> {
  return apiRequest<Settings>('/v1/settings', { signal });
}

export const settingsQueryKey = [accountRoots.settings] as const;

export const settingsQueryOptions = queryOptions({
  queryKey: settingsQueryKey,
  queryFn: ({ signal }) => getSettings(signal),
  staleTime: 5 * 60_000,
});

export function useSettings() {
  return useQuery(settingsQueryOptions);
}

/**
 * The team time zone every date is shown in (Settings → Time zone). Until the settings have
 * loaded (they are asked for with the session on a first load), UTC, the API's default.
 */
export function useTimeZone(): string {
  return useSettings().data?.timeZone ?? DEFAULT_SETTINGS.timeZone;
}

export const DEFAULT_SETTINGS: Settings = {
  organisationName: 'Stockroom',
  defaultUnit: 'each',
  highlightLowStock: true,
  sessionIdleTimeoutMinutes: 480,
  timeZone: 'UTC',
  allowPrivateWebhookTargets: false,
};
