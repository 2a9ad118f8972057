import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** GET /api/v1/system/info. Hand-written until types are generated from the OpenAPI document. */
export interface SystemInfo {
  name: string;
  version: string;
  commit: string | null;
  schemaVersion: string | null;
  uptimeSeconds: number;
  nodeVersion: string;
  startedAt: string;
}

export function getSystemInfo(signal?: AbortSignal): Promise<SystemInfo> {
  return apiRequest<SystemInfo>('/v1/system/info', { signal });
}

export const systemInfoQueryOptions = queryOptions({
  queryKey: ['system', 'info'],
  queryFn: ({ signal }) => getSystemInfo(signal),
  // Uptime keeps moving, and while the API is down this is what retries automatically.
  refetchInterval: (query) => (query.state.status === 'error' ? 10_000 : 60_000),
});

export function useSystemInfo() {
  return useQuery(systemInfoQueryOptions);
}
