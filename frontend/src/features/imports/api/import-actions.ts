import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { ImportColumns, ImportMode, ImportResource, ImportStockAs } from '@/lib/api-types';
import { importKey } from './import-keys';

export interface MappingInput {
  columns: ImportColumns;
  stockAs: ImportStockAs;
  mode: ImportMode;
}

/** PUT /api/v1/imports/:id/mapping → 202, the import checking its rows (the preview follows). */
export function setImportMapping(id: number, mapping: MappingInput): Promise<ImportResource> {
  return apiRequest<ImportResource>(`/v1/imports/${id}/mapping`, { method: 'PUT', body: mapping });
}

/** POST /api/v1/imports/:id/commit → 202, the job queued; 409 IMPORT_REPEATED asks first. */
export function commitImport(
  id: number,
  body: { dryRun: boolean; confirmRepeat?: boolean },
): Promise<ImportResource> {
  return apiRequest<ImportResource>(`/v1/imports/${id}/commit`, { method: 'POST', body });
}

/** POST /api/v1/imports/:id/cancel → stops the job; nothing it did is kept. */
export function cancelImport(id: number): Promise<ImportResource> {
  return apiRequest<ImportResource>(`/v1/imports/${id}/cancel`, { method: 'POST' });
}

/** Each answer is the whole import: it replaces the cached one (no refetch needed). */
function useImportMutation<A>(call: (args: A) => Promise<ImportResource>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (resource) => queryClient.setQueryData(importKey(resource.id), resource),
  });
}

export const useSetImportMapping = () =>
  useImportMutation(({ id, mapping }: { id: number; mapping: MappingInput }) =>
    setImportMapping(id, mapping),
  );

export const useCommitImport = () =>
  useImportMutation(
    ({ id, dryRun, confirmRepeat }: { id: number; dryRun: boolean; confirmRepeat?: boolean }) =>
      commitImport(id, { dryRun, confirmRepeat }),
  );

export const useCancelImport = () => useImportMutation((id: number) => cancelImport(id));
