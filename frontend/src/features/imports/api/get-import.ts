import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { ImportResource, ImportStatus } from '@/lib/api-types';
import { importKey } from './import-keys';

/** While a job waits or runs (a mapping's checks too), the page polls for its progress. */
export const isBusy = (status: ImportStatus) =>
  status === 'queued' || status === 'running' || status === 'checking';
const POLL_MS = 500;

/** GET /api/v1/imports/:id → status, mapping, preview and the job's progress. */
export function getImport(id: number, signal?: AbortSignal): Promise<ImportResource> {
  return apiRequest<ImportResource>(`/v1/imports/${id}`, { signal });
}

export function useImport(id: number | null) {
  return useQuery({
    queryKey: importKey(id ?? 0),
    queryFn: ({ signal }) => getImport(id ?? 0, signal),
    enabled: id !== null,
    refetchInterval: (query) =>
      query.state.data && isBusy(query.state.data.status) ? POLL_MS : false,
  });
}
